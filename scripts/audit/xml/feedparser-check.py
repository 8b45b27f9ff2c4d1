"""Parses each feed named on the command line with feedparser; prints one JSON object per feed (a JSON list)."""
import json
import sys

import feedparser

results = []
for path in sys.argv[1:]:
    with open(path, 'rb') as handle:
        parsed = feedparser.parse(handle.read())
    exception = parsed.get('bozo_exception')
    results.append({
        'file': path,
        'bozo': bool(parsed.bozo),
        'exception': None if exception is None else f'{type(exception).__name__}: {exception}',
        'version': parsed.version or '',
        'entries': len(parsed.entries),
    })
print(json.dumps(results))
