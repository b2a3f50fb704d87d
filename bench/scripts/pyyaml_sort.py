"""The scripted alternative: load a timeline with PyYAML (C loader) and sort its events by date."""
import sys
import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    doc = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
key = lambda e: str(e["date"]["on"]) if isinstance(e["date"], dict) and "on" in e["date"] else str(e["date"])
doc["events"].sort(key=key)
print(len(doc["events"]), "events")
