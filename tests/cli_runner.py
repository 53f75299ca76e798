"""Running the glossator command in-process, as the command-line tests do."""

from glossator import cli


def run(capsys, *argv):
    """Run ``glossator ARGV...``; returns the exit code, stdout and stderr."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
