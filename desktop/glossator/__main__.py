"""Allow ``python -m glossator``."""

import sys

from glossator.cli import main

# Guarded: a batch import's worker processes import this module again and must not run it.
if __name__ == "__main__":
    sys.exit(main())
