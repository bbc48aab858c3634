"""Entry script of the frozen command line (`quietroom-cli`): app.cli.main.main."""

import sys

from app.cli.main import main

sys.exit(main())
