"""The demo: fictitious people, accounts and applications in every stage (`manage.py seed_demo`), for demo machines.

It sits above every app, because it plays each of them (HR, the intake, the jury) through their own doors."""
