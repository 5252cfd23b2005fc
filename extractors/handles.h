// Messaging identities in adverts: the WhatsApp, Telegram, Snapchat and
// Signal contacts real adverts give instead of (or besides) a phone number.
//
// Read from two places:
//   - Links, in the page's hrefs or written in the text: wa.me/447700900123,
//     api.whatsapp.com/send?phone=..., whatsapp://send?phone=..., t.me/name,
//     t.me/s/name, telegram.me/name, tg://resolve?domain=name,
//     snapchat.com/add/name, signal.me/#p/+447700900123. Links are
//     percent-decoded; WhatsApp and Signal link numbers are international.
//   - A messenger word with a value close to it: "WhatsApp me on 07700
//     900123", "WA: 07700 900 123", "07700 900123 (WhatsApp)", "Telegram
//     @anna_rose", "telegram: anna_rose", "TG @anna_rose", "Snap: anna.rose",
//     "Signal 07700 900123", "Signal: @anna.42". Between the word and the
//     value only punctuation and a few connecting words ("me", "on", "only",
//     "call", other messenger names...) may stand. A bare name needs a colon
//     after the word ("Telegram: anna_rose") or must look like a handle (a
//     digit, '_', '.' or '-' in it: "Snapchat anna.rose"); "TG" needs '@'.
//     A negated word ("no WhatsApp", "WhatsApp: no") and "poor signal" are
//     not messenger mentions.
//
// Numbers are read with libphonenumber for `region` and kept when valid, or
// possible and in Ofcom's drama ranges (see phones.h). Usernames follow each
// service's syntax: Telegram 5-32 of [a-z0-9_] from a letter; Snapchat 3-15
// of [a-z0-9._-] from a letter; Signal nickname.digits ("anna.42"). Names
// are lower-cased; an e-mail address or a website is never a username.
//
// Thread safety: FindHandles may be called from many threads at once; the
// patterns it uses are compiled once and shared read-only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_normalize.h"

namespace plainsight {

struct HandleMatch {
  // Canonical: "whatsapp:+447700900123", "telegram:@name", "snapchat:name",
  // "signal:+447700900123" or "signal:name.42".
  std::string handle;
  std::string match;       // the text span or the link it came from, as written
  bool from_link = false;  // found in an href rather than the visible text
};

// Unique by handle, in order of first occurrence (text first, then links).
// `links` are the page's raw hrefs. `region` (ISO 3166, e.g. "GB") reads
// national numbers ("WhatsApp 07700 900123" -> +447700900123).
std::vector<HandleMatch> FindHandles(std::string_view text, const std::vector<std::string>& links,
                                     const std::string& region = "GB");

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<HandleMatch> FindHandles(std::string_view text, const NormalizedText& norm,
                                     const std::vector<std::string>& links,
                                     const std::string& region = "GB");

}  // namespace plainsight
