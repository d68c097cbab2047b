"""``python -m synopsis …`` runs the ``synopsis`` command."""
from synopsis.cli import main

if __name__ == "__main__":
    main(prog_name="synopsis")
