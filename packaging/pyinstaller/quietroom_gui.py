"""Entry script of the frozen desktop app (`quietroom`): ui.main.main, as the wheel's."""

import sys

from ui.main import main

sys.exit(main())
