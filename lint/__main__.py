import sys

from liclint.cli.main import main

sys.exit(main())
