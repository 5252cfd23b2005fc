// Script data: advert fields that a page keeps in a script rather than in
// its markup. Real job boards render from an embedded state object
// (`window._initialData = {…}`, `window.__PRELOADED_STATE__ = {…}`, Next.js
// `<script id="__NEXT_DATA__" type="application/json">`, a `dataLayer`), so a
// field selector may name a JSON path inside one:
//
//   script:window.__INITIAL_STATE__#job.salary
//   script:__NEXT_DATA__#props.pageProps.job.title
//   script:dataLayer#job_location
//
// Before '#' is the script: a <script id=NAME> whose whole text is JSON, or a
// name the script assigns or pushes to (`NAME = {…}`, `NAME.push({…})`,
// `NAME = JSON.parse("…")` is not read). After '#' is a dotted path; a
// number picks an array element, and a key met on an array is looked up in
// its elements in order (so `dataLayer#job_location` finds the pushed object
// that has it). An object value is written as text: a salary object
// {"min": 11.44, "max": 12.5, "unit": "hour"} reads "11.44 - 12.5 per hour";
// any other object or array is its values joined by spaces.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace plainsight {

inline constexpr std::string_view kScriptFieldPrefix = "script:";

struct ScriptFieldPath {
  std::string script;             // "window.__INITIAL_STATE__", "__NEXT_DATA__", "dataLayer"
  std::vector<std::string> keys;  // "job", "salary"
};

// One <script> element as the page has it.
struct ScriptBlock {
  std::string id;    // its id attribute, "" if none
  std::string type;  // its type attribute, "" if none
  std::string text;
};

bool IsScriptFieldPath(std::string_view spec);

// Parses "script:NAME#a.b.0"; InvalidArgument names what is wrong.
Result<ScriptFieldPath> ParseScriptFieldPath(std::string_view spec);

// The value at `path` in the first script that holds it, as text; nullopt
// when no script has it. Never throws, whatever the scripts hold.
std::optional<std::string> ReadScriptField(const std::vector<ScriptBlock>& scripts,
                                           const ScriptFieldPath& path);

// The end (one past the closing bracket) of the JSON object or array that
// opens at text[start], by bracket depth outside strings; npos when it never
// closes. Lets a reader cut an assigned value out of the script around it
// before parsing (the site probe does too).
std::size_t EndOfJsonValue(std::string_view text, std::size_t start);

}  // namespace plainsight
