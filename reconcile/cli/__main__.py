"""``python -m reconcile.cli``."""
from reconcile.cli import main

main()
