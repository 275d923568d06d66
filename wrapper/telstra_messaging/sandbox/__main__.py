"""Run the sandbox: `python -m telstra_messaging.sandbox --help`."""

from telstra_messaging.sandbox._cli import main

raise SystemExit(main())
