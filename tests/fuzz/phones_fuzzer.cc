// Phone extraction (extractors/phones.h) on arbitrary text.
//
// Properties: every number is E.164 ("+" and digits); `match` is exactly the
// original text at `offset` (so it is a substring of the input: the UI
// highlights it there); numbers are unique by e164; IsOfcomDramaNumber
// does not crash on what FindPhones returns.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/phones.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = plainsight::fuzz::AsText(data, size);
  std::vector<plainsight::PhoneMatch> phones = plainsight::FindPhones(text, "GB");

  std::set<std::string> seen;
  for (const plainsight::PhoneMatch& phone : phones) {
    FUZZ_CHECK(phone.e164.size() > 1 && phone.e164[0] == '+', "e164 must start with '+'");
    FUZZ_CHECK(phone.e164.find_first_not_of("0123456789", 1) == std::string::npos,
               "e164 must be '+' then digits");
    FUZZ_CHECK(!phone.match.empty(), "match must not be empty");
    FUZZ_CHECK(text.find(phone.match) != std::string_view::npos,
               "match must be a substring of the input");
    FUZZ_CHECK(phone.offset <= text.size() && text.substr(phone.offset, phone.match.size()) == phone.match,
               "match must be the input's text at offset");
    FUZZ_CHECK(seen.insert(phone.e164).second, "phones must be unique by e164");
    (void)plainsight::IsOfcomDramaNumber(phone.e164);
  }
  return 0;
}
