// Script data on sample adverts, for the site probe: every value a page
// keeps in an embedded state object, named as a field selector would name
// it (extractors/script_data.h): "script:__NEXT_DATA__#props.pageProps.job.title",
// "script:window.__INITIAL_STATE__#job.salary".
//
// Read are <script id=NAME> elements whose whole text is JSON, and scripts
// that assign an object or array to a name (`window.__INITIAL_STATE__ =
// {...}`, `var dataLayer = [...]`). JSON-LD is left out: the extractor reads
// schema.org items by itself. Leaves (strings and numbers) are listed, and
// objects that read as a salary (min/max/value); an array is entered
// through its first element only. Each value is read back with
// ReadScriptField, so it is exactly what the crawl would read.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "extractors/script_data.h"

namespace plainsight {

struct ScriptValue {
  std::string spec;               // "script:NAME#a.b.c"
  std::vector<std::string> keys;  // "a", "b", "c"
  std::string value;              // as ReadScriptField gives it
};

// At most `limit` values, in document order.
std::vector<ScriptValue> ListScriptValues(const std::vector<ScriptBlock>& scripts,
                                          std::size_t limit = 2000);

}  // namespace plainsight
