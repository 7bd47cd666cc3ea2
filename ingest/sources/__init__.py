"""Sources: where papers come from, behind one interface (`base.Source`: committees ->
meetings -> documents) picked by `registry.open_source` for a location.

* `folder`: the paths a user names, recursively (`expand_paths`, what `ingest` reads), and
  the same folder as a source;
* `moderngov`: a council's ModernGov site, its web service first and its pages as fallback;
* `http`: the polite HTTP client web sources fetch through (User-Agent, robots.txt, rate
  limit, retries with backoff, conditional requests);
* `download`: one paper -> one checked file in the home's library (temporary name, PDF and
  sha256 checks, atomic move).

Imports: `minutebook` and this package only.
"""
