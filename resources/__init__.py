"""Files Glossator ships with: sample articles, and later icons and stylesheets."""
