from relnlp.cli import run

run()
