"""`python -m seedread`: the same entry point as the `seedread` command."""

import sys

from seedread.cli import main

sys.exit(main())
