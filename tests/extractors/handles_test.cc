#include "extractors/handles.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace plainsight {
namespace {

// The handles found, space-separated, in order.
std::string Joined(const std::vector<HandleMatch>& found) {
  std::string out;
  for (const HandleMatch& m : found) {
    if (!out.empty()) out += ' ';
    out += m.handle;
  }
  return out;
}

struct Row {
  const char* text;
  const char* handles;  // space-separated, in order; "" for none
};

void CheckText(const Row* rows, size_t n, const std::string& region = "GB") {
  for (size_t i = 0; i < n; ++i) {
    INFO(rows[i].text);
    const std::vector<HandleMatch> found = FindHandles(rows[i].text, {}, region);
    CHECK(Joined(found) == rows[i].handles);
    for (const HandleMatch& m : found) CHECK_FALSE(m.from_link);
  }
}

void CheckLinks(const Row* rows, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    INFO(rows[i].text);
    const std::vector<HandleMatch> found = FindHandles("", {rows[i].text});
    CHECK(Joined(found) == rows[i].handles);
    for (const HandleMatch& m : found) {
      CHECK(m.from_link);
      CHECK(m.match == rows[i].text);
    }
  }
}

template <size_t N>
constexpr size_t Size(const Row (&)[N]) {
  return N;
}

TEST_CASE("Handles_WhatsAppLink_ToE164", "[handles]") {
  // WhatsApp links carry international digits, with or without '+'.
  static const Row kLinks[] = {
      {"https://wa.me/447700900123", "whatsapp:+447700900123"},
      {"wa.me/+447700900123", "whatsapp:+447700900123"},
      {"https://wa.me/447700900123?text=Hi%20Anna", "whatsapp:+447700900123"},
      {"https://wa.me/c/447700900123", "whatsapp:+447700900123"},
      {"https://api.whatsapp.com/send?phone=447700900123&text=Hi", "whatsapp:+447700900123"},
      {"https://api.whatsapp.com/send/?phone=%2B447700900123&text&type=phone_number&app_absent=0",
       "whatsapp:+447700900123"},
      {"whatsapp://send?phone=447700900123", "whatsapp:+447700900123"},
      {"https://web.whatsapp.com/send?phone=442079460123", "whatsapp:+442079460123"},
      {"HTTPS://WA.ME/441632960123", "whatsapp:+441632960123"},
      // Share buttons, group invites and business short links name no one.
      {"https://api.whatsapp.com/send?text=See%20this%20https%3A%2F%2Fexample.org%2Fad%2F1", ""},
      {"whatsapp://send?text=hello", ""},
      {"https://chat.whatsapp.com/AbCdEfGhIj", ""},
      {"https://wa.me/message/ABCDEFGH", ""},
      // A national number in a link is not one WhatsApp can open.
      {"https://wa.me/07700900123", ""},
      {"https://example.org/whatsapp", ""},
      {"tel:+447700900123", ""},
  };
  CheckLinks(kLinks, Size(kLinks));

  static const Row kText[] = {
      {"Book here wa.me/447700900123 thanks", "whatsapp:+447700900123"},
      {"(https://api.whatsapp.com/send?phone=447700900123)", "whatsapp:+447700900123"},
      {"WhatsApp: wa.me/447700900123.", "whatsapp:+447700900123"},
      {"see chat.whatsapp.com/AbCdEf", ""},
  };
  CheckText(kText, Size(kText));
}

TEST_CASE("Handles_WhatsAppWordNearNumber_ToE164", "[handles]") {
  static const Row kRows[] = {
      {"WhatsApp 07700 900123", "whatsapp:+447700900123"},
      {"whatsapp: +44 7700 900123", "whatsapp:+447700900123"},
      {"WhatsApp me on 07700900123", "whatsapp:+447700900123"},
      {"WA: 07700 900 123", "whatsapp:+447700900123"},
      {"(WhatsApp only) 07700 900123", "whatsapp:+447700900123"},
      {"whats app 07700 900123", "whatsapp:+447700900123"},
      {"WhatsApp/Call 07700 900123", "whatsapp:+447700900123"},
      {"What's App: 07700 900123", "whatsapp:+447700900123"},
      {"WHATSAPP 0044 7700 900123", "whatsapp:+447700900123"},
      {"Whatsapp +44 (0)7700 900123", "whatsapp:+447700900123"},
      {"WhatsApp: 07700.900.123", "whatsapp:+447700900123"},
      {"WhatsApp no. 07700 900123", "whatsapp:+447700900123"},
      {"WhatsApp:\n07700 900123", "whatsapp:+447700900123"},
      {"WhatsApp \xF0\x9F\x93\x9E 07700 900123", "whatsapp:+447700900123"},  // phone emoji
      {"Whatsapp 447700900123", "whatsapp:+447700900123"},
      {"WhatsApp 020 7946 0123", "whatsapp:+442079460123"},
      {"whatsapp 01632 960123", "whatsapp:+441632960123"},
      // The number stops where the next figure starts.
      {"WhatsApp 07700 900123 2 hours min", "whatsapp:+447700900123"},
      // Before the word, close.
      {"07700 900123 (WhatsApp)", "whatsapp:+447700900123"},
      {"07700 900123 - WhatsApp only", "whatsapp:+447700900123"},
      {"Call 07700 900123 or WhatsApp", "whatsapp:+447700900123"},
      // A number after the word wins over one before it.
      {"Call 07700 900111 or WhatsApp 07700 900222", "whatsapp:+447700900222"},
      {"\xF0\x9F\x93\xB1 07700 900123 \xF0\x9F\x93\xB2 WhatsApp", "whatsapp:+447700900123"},
      {"Contact: 07700 900123 (calls, texts & WhatsApp)", "whatsapp:+447700900123"},
      // Connecting words, hours and a person's name may stand between.
      {"Send your CV on WhatsApp to 07700 900123", "whatsapp:+447700900123"},
      {"Whatsapp-only 07700 900123", "whatsapp:+447700900123"},
      {"WhatsApp 9am-9pm 07700 900123", "whatsapp:+447700900123"},
      {"WhatsApp (24hrs) 07700 900123", "whatsapp:+447700900123"},
      {"Call/WhatsApp Ion on 07700 900123", "whatsapp:+447700900123"},
      {"What\xE2\x80\x99s app 07700 900123", "whatsapp:+447700900123"},  // curly apostrophe
      // Several numbers for one word.
      {"WhatsApp 07700 900123 or 07700 900456", "whatsapp:+447700900123 whatsapp:+447700900456"},
      {"WhatsApp: 07700 900123/07700 900456", "whatsapp:+447700900123 whatsapp:+447700900456"},
      // Fullwidth letters and digits fold.
      {"\xEF\xBC\xB7\xEF\xBD\x88\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x93\xEF\xBC\xA1\xEF\xBD\x90"
       "\xEF\xBD\x90 \xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97\xEF\xBC\x90\xEF\xBC\x90 "
       "\xEF\xBC\x99\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93",
       "whatsapp:+447700900123"},
  };
  CheckText(kRows, Size(kRows));
}

TEST_CASE("Handles_OneNumberForTwoMessengers_BothHandles", "[handles]") {
  static const Row kRows[] = {
      {"WhatsApp & Signal: 07700 900123", "whatsapp:+447700900123 signal:+447700900123"},
      {"07700 900123 (WhatsApp and Signal)", "whatsapp:+447700900123 signal:+447700900123"},
      {"Signal/WhatsApp 07700 900123", "signal:+447700900123 whatsapp:+447700900123"},
  };
  CheckText(kRows, Size(kRows));
}

TEST_CASE("Handles_TelegramLinkOrAtName_LowerCaseWithAt", "[handles]") {
  static const Row kLinks[] = {
      {"https://t.me/anna_rose", "telegram:@anna_rose"},
      {"https://t.me/s/anna_rose", "telegram:@anna_rose"},
      {"https://t.me/anna_rose/123", "telegram:@anna_rose"},
      {"https://telegram.me/Anna_Rose", "telegram:@anna_rose"},
      {"tg://resolve?domain=anna_rose", "telegram:@anna_rose"},
      // Invites, shares and Telegram's own pages are not usernames.
      {"https://t.me/joinchat/AAAAAEdUmo", ""},
      {"https://t.me/+AbCdEf12", ""},
      {"https://t.me/share/url?url=https%3A%2F%2Fexample.org", ""},
      {"https://t.me/addstickers/AnnaPack", ""},
      {"https://t.me/anna", ""},  // 4 characters: too short
      {"https://about.me/anna_rose", ""},
  };
  CheckLinks(kLinks, Size(kLinks));

  static const Row kText[] = {
      {"t.me/anna_rose", "telegram:@anna_rose"},
      {"Message me: https://t.me/anna_rose.", "telegram:@anna_rose"},
      {"telegram.me/anna_rose", "telegram:@anna_rose"},
      {"tg://resolve?domain=anna_rose", "telegram:@anna_rose"},
      {"t.me/s/anna_rose", "telegram:@anna_rose"},
      {"t.me/joinchat/AAAAAEdUmo", ""},
      {"t.me/+AbCdEf12", ""},
      {"Telegram @anna_rose", "telegram:@anna_rose"},
      {"telegram: anna_rose", "telegram:@anna_rose"},
      {"TG @Anna_Rose", "telegram:@anna_rose"},
      {"Telegram me @anna_rose", "telegram:@anna_rose"},
      {"Telegram username: AnnaRose", "telegram:@annarose"},
      {"Telegram anna_rose", "telegram:@anna_rose"},  // shaped like a handle
      {"Telegram: @anna_rose, calls 07700 900123", "telegram:@anna_rose"},
      {"Telegram (@anna_rose)", "telegram:@anna_rose"},
      {"Telegram channel: @anna_updates", "telegram:@anna_updates"},
      {"@anna_rose on Telegram", "telegram:@anna_rose"},
      // The link is read once, and its scheme is not a name.
      {"Telegram: https://t.me/anna_rose", "telegram:@anna_rose"},
  };
  CheckText(kText, Size(kText));
}

TEST_CASE("Handles_SnapchatLinkOrName_LowerCase", "[handles]") {
  static const Row kLinks[] = {
      {"https://www.snapchat.com/add/anna.rose?share_id=AbC", "snapchat:anna.rose"},
      {"https://snapchat.com/add/Anna_Rose", "snapchat:anna_rose"},
      {"https://www.snapchat.com/t/AbCdEf", ""},
  };
  CheckLinks(kLinks, Size(kLinks));

  static const Row kText[] = {
      {"snapchat.com/add/anna.rose", "snapchat:anna.rose"},
      {"Snapchat: anna.rose", "snapchat:anna.rose"},
      {"snap: annarose", "snapchat:annarose"},
      {"SC: anna.rose", "snapchat:anna.rose"},
      {"SC @annarose", "snapchat:annarose"},
      {"Snapchat anna.rose99", "snapchat:anna.rose99"},
      {"Snap: Anna-Rose.", "snapchat:anna-rose"},
      {"\xF0\x9F\x91\xBB: annarose", "snapchat:annarose"},   // ghost emoji
      {"\xF0\x9F\x91\xBB anna.rose", "snapchat:anna.rose"},  // ghost emoji, handle-shaped
      {"Telegram/Snapchat: anna_rose", "telegram:@anna_rose snapchat:anna_rose"},
      {"Snap/Insta: anna.rose", "snapchat:anna.rose"},
      {"Snap chat: anna.rose", "snapchat:anna.rose"},
  };
  CheckText(kText, Size(kText));
}

TEST_CASE("Handles_SignalNumberOrUsername", "[handles]") {
  static const Row kLinks[] = {
      {"https://signal.me/#p/+447700900123", "signal:+447700900123"},
      {"https://signal.me/#eu/AbCdEfGhIjKl", ""},  // encrypted username link
  };
  CheckLinks(kLinks, Size(kLinks));

  static const Row kText[] = {
      {"Signal 07700 900123", "signal:+447700900123"},
      {"signal.me/#p/+447700900123", "signal:+447700900123"},
      {"Signal: @Anna.42", "signal:anna.42"},
      {"Signal: anna.01", "signal:anna.01"},
      {"Signal anna_rose.42", "signal:anna_rose.42"},
      {"Signal: 07700 900123, signal is weak indoors", "signal:+447700900123"},
  };
  CheckText(kText, Size(kText));
}

TEST_CASE("Handles_Decoys_NoHandle", "[handles]") {
  static const Row kRows[] = {
      // Negated.
      {"no WhatsApp please", ""},
      {"No WhatsApp, calls only 07700 900123", ""},
      {"Call 07700 900123 (no WhatsApp)", ""},
      {"Call 07700 900123, not on WhatsApp", ""},
      {"WhatsApp: no, call 07700 900123", ""},
      {"WhatsApp no. Call 07700 900123", ""},
      {"Call 07700 900123. WhatsApp not available", ""},
      {"I don't do WhatsApp, text 07700 900123", ""},
      {"I don\xE2\x80\x99t have WhatsApp, text 07700 900123", ""},
      // Not the messenger.
      {"As seen in the Telegraph 07700 900123", ""},
      {"Snap up this offer 07700 900123", ""},
      {"signal strength is poor, call 07700 900123", ""},
      {"Poor signal, call me on 07700 900123", ""},
      {"4G signal, call 07700 900123", ""},
      {"Traffic signal engineer, call 07700 900123", ""},
      {"Signal operative 07700 900123", ""},
      {"Snap-on tools 07700 900123", ""},
      {"SC: required", ""},                              // security clearance in job adverts
      {"https://example.org/whatsapp-07700900123", ""},  // a path, not a mention
      {"Was 07700 900123 now discreet", ""},
      {"Seattle WA 98101", ""},
      // The word without a value.
      {"Message me on Telegram", ""},
      {"Telegram me", ""},
      {"on Telegram @ 5pm", ""},
      {"Telegram: message me", ""},
      {"Snapchat: available", ""},
      {"Telegram annarose", ""},          // bare name, no colon, not shaped like a handle
      {"TG: feminine and friendly", ""},  // "TG" needs '@'
      {"TG girl, kind", ""},
      {"WhatsApp 24/7", ""},
      // A number far from any messenger word.
      {"Call 07700 900123 any time", ""},
      {"I use WhatsApp. Call 07700 900123", ""},
      {"WhatsApp available on request. Rates from 60. Call 07700 900123", ""},
      {"Prefer WhatsApp over calls. 07700 900123", ""},
      {"Insta @anna_rose. Telegram only", ""},
      // Not usernames: e-mail addresses, websites, too short, a digit first.
      {"Telegram: annarose@example.org", ""},
      {"Telegram @example.org", ""},
      {"Telegram annarose@example.org", ""},
      {"Snap: example.org", ""},
      {"Snapchat: anna.rose@example.com", ""},
      {"Email anna_rose@example.org (Telegram)", ""},
      {"whatsapp.business@example.org", ""},
      {"Snapchat: same as insta", ""},
      {"Telegram: @anna", ""},
      {"Telegram: @1annarose", ""},
      {"SC anna", ""},
      // Numbers outside the region's national form.
      {"WhatsApp 7700 900123", ""},
  };
  CheckText(kRows, Size(kRows));
}

TEST_CASE("Handles_Region_ReadsNationalNumbers", "[handles]") {
  static const struct {
    const char* text;
    const char* region;
    const char* handles;
  } kCases[] = {
      {"WhatsApp 07700 900123", "GB", "whatsapp:+447700900123"},
      {"WhatsApp 07700 900123", "US", ""},  // not a US national number
      {"WhatsApp +44 7700 900123", "US", "whatsapp:+447700900123"},
      {"wa.me/447700900123", "US", "whatsapp:+447700900123"},
      {"Signal 020 7946 0123", "GB", "signal:+442079460123"},
  };
  for (const auto& c : kCases) {
    INFO(c.text << " in " << c.region);
    CHECK(Joined(FindHandles(c.text, {}, c.region)) == c.handles);
  }
}

TEST_CASE("Handles_Matches_SpanAsWrittenUniqueTextThenLinks", "[handles]") {
  const std::string text =
      "Hi! WhatsApp me on 07700 900123 or see t.me/Anna_Rose. Again: WhatsApp 07700900123";
  const std::vector<std::string> links = {
      "https://wa.me/447700900123",          // already in the text
      "https://snapchat.com/add/anna.rose",  // new
      "https://example.org/about",           // not a messenger
  };
  const std::vector<HandleMatch> found = FindHandles(text, links);
  static const struct {
    const char* handle;
    const char* match;
    bool from_link;
  } kExpected[] = {
      {"whatsapp:+447700900123", "WhatsApp me on 07700 900123", false},
      {"telegram:@anna_rose", "t.me/Anna_Rose", false},
      {"snapchat:anna.rose", "https://snapchat.com/add/anna.rose", true},
  };
  REQUIRE(found.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO(i);
    CHECK(found[i].handle == kExpected[i].handle);
    CHECK(found[i].match == kExpected[i].match);
    CHECK(found[i].from_link == kExpected[i].from_link);
  }
}

TEST_CASE("Handles_NumberBeforeWord_MatchSpansNumberToWord", "[handles]") {
  const std::vector<HandleMatch> found = FindHandles("Call 07700 900123 (WhatsApp)", {});
  REQUIRE(found.size() == 1);
  CHECK(found[0].match == "07700 900123 (WhatsApp");
}

TEST_CASE("Handles_NormalizedOverload_SameAsPlain", "[handles]") {
  const std::string text = "\xEF\xBC\xB7\xEF\xBC\xA1: 07700 900123, Telegram @anna_rose";
  const NormalizedText norm = NormalizeForMatching(text);
  const std::vector<HandleMatch> plain = FindHandles(text, {});
  const std::vector<HandleMatch> normalized = FindHandles(text, norm, {});
  CHECK(Joined(plain) == "whatsapp:+447700900123 telegram:@anna_rose");
  CHECK(Joined(normalized) == Joined(plain));
  REQUIRE(plain.size() == 2);
  CHECK(plain[0].match == "\xEF\xBC\xB7\xEF\xBC\xA1: 07700 900123");
}

// Runs on every page: a long page full of messenger words and near-numbers
// must stay linear (each word looks at a bounded window) and find nothing.
TEST_CASE("Handles_LongAdversarialPage_NothingFound", "[handles]") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "WhatsApp me on wa sc tg snap 0770 9001 2 ";
  CHECK(FindHandles(text, {}).empty());
  std::vector<std::string> links(5000, "https://t.me/joinchat/AAAAAEdUmo");
  CHECK(FindHandles("", links).empty());
}

}  // namespace
}  // namespace plainsight
