"""``python -m arnews`` runs the command line."""

import sys

from arnews.cli import main

sys.exit(main())
