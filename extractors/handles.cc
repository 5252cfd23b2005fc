#include "extractors/handles.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <unordered_set>
#include <utility>

#include "core/strings.h"
#include "extractors/phone_digits.h"
#include "extractors/phones.h"
#include "extractors/text_normalize.h"

namespace plainsight {
namespace {


// How far a value may stand from its messenger word, in bytes of normalised
// text, and how many connecting words may stand between them. Bounded so
// each keyword costs a constant amount of work whatever the page.
constexpr size_t kMaxBridge = 48;
constexpr size_t kMaxBackBridge = 32;
constexpr size_t kMaxNumberSpan = 32;
constexpr int kMaxBridgeWords = 5;
constexpr size_t kMinDigits = 9;
constexpr size_t kMaxDigits = 17;

constexpr bool IsWordChar(char c) { return IsAsciiDigit(c) || IsAsciiLower(c) || c == '_'; }
bool IsNameChar(char c) { return IsWordChar(c) || c == '.' || c == '-'; }

template <size_t N>
bool In(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// ---- Numbers ---------------------------------------------------------------

// E.164 for a digit string, or nothing: the same reading as FindPhones.
std::optional<std::string> ToE164(const std::string& digits, bool plus, const std::string& region) {
  return DigitsToE164(digits, plus, PhoneRegionFor(region));
}

// A number as links write it: international digits, perhaps with '+',
// spaces or dashes ("%2B447700900123" arrives decoded).
std::optional<std::string> LinkNumber(std::string_view value, const std::string& region) {
  std::string digits;
  for (char c : value) {
    if (IsAsciiDigit(c)) {
      digits.push_back(c);
    } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      return std::nullopt;
    }
  }
  if (digits.size() < 8 || digits.size() > 15) return std::nullopt;
  return ToE164(digits, true, region);
}

struct Value {
  size_t begin = 0;
  size_t end = 0;
  std::string handle;
};

// The digit groups of a written number ("+44 (0)7700 900-123"): [begin, end).
using Groups = std::vector<std::pair<size_t, size_t>>;

// The number starting at `p` (a digit, '+' or '('): the longest run of digit
// groups that reads as a number, so "07700 900123 2 hours" stops in time.
std::optional<Value> NumberAfter(std::string_view low, size_t p, const std::string& region,
                                 std::string_view prefix) {
  Groups groups;
  bool plus = false;
  int separators = 0;
  size_t i = p;
  const size_t limit = std::min(low.size(), p + kMaxNumberSpan);
  while (i < limit) {
    const char c = low[i];
    if (IsAsciiDigit(c)) {
      const size_t b = i;
      while (i < low.size() && IsAsciiDigit(low[i])) ++i;
      groups.emplace_back(b, i);
      separators = 0;
    } else if (c == '+' && groups.empty() && !plus) {
      plus = true;
      ++i;
    } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && separators < 2) {
      ++separators;
      ++i;
    } else {
      break;
    }
  }
  std::string digits;
  std::vector<size_t> ends;  // digits.size() after each group
  for (const auto& [b, e] : groups) {
    digits.append(low.substr(b, e - b));
    ends.push_back(digits.size());
  }
  for (size_t k = groups.size(); k > 0; --k) {
    const size_t n = ends[k - 1];
    if (n < kMinDigits) break;
    if (n > kMaxDigits) continue;
    if (std::optional<std::string> e164 = ToE164(digits.substr(0, n), plus, region)) {
      return Value{p, groups[k - 1].second, std::string(prefix) + *e164};
    }
  }
  return std::nullopt;
}

// The number ending at `q` (just after a digit): the longest run of digit
// groups before it that reads as a number.
std::optional<Value> NumberBefore(std::string_view low, size_t q, const std::string& region,
                                  std::string_view prefix) {
  size_t i = q;
  const size_t floor = q > kMaxNumberSpan ? q - kMaxNumberSpan : 0;
  while (i > floor) {
    const char c = low[i - 1];
    if (!IsAsciiDigit(c) && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
      break;
    }
    --i;
  }
  Groups groups;
  for (size_t k = i; k < q;) {
    if (!IsAsciiDigit(low[k])) {
      ++k;
      continue;
    }
    const size_t b = k;
    while (k < q && IsAsciiDigit(low[k])) ++k;
    groups.emplace_back(b, k);
  }
  for (size_t k = 0; k < groups.size(); ++k) {
    std::string digits;
    for (size_t g = k; g < groups.size(); ++g) {
      digits.append(low.substr(groups[g].first, groups[g].second - groups[g].first));
    }
    if (digits.size() > kMaxDigits) continue;
    if (digits.size() < kMinDigits) break;
    // A '+' (perhaps bracketed) just before the first group.
    size_t b = groups[k].first;
    const size_t gap_floor = k > 0 ? groups[k - 1].second : i;
    bool plus = false;
    for (size_t g = b; g > gap_floor; --g) {
      if (low[g - 1] == '+') {
        plus = true;
        b = g - 1;
        break;
      }
      if (low[g - 1] != '(') break;
    }
    if (std::optional<std::string> e164 = ToE164(digits, plus, region)) {
      return Value{b, q, std::string(prefix) + *e164};
    }
  }
  return std::nullopt;
}

// ---- Names -----------------------------------------------------------------

enum class Kind { kWhatsApp, kTelegram, kSnapchat, kSignal };

std::string_view HandlePrefix(Kind kind) {
  switch (kind) {
    case Kind::kWhatsApp:
      return "whatsapp:";
    case Kind::kTelegram:
      return "telegram:@";
    case Kind::kSnapchat:
      return "snapchat:";
    case Kind::kSignal:
      return "signal:";
  }
  return "";
}

bool IsTelegramName(std::string_view s) {
  if (s.size() < 5 || s.size() > 32 || !IsAsciiLower(s[0])) return false;
  return std::all_of(s.begin(), s.end(), IsWordChar);
}

bool IsSnapchatName(std::string_view s) {
  if (s.size() < 3 || s.size() > 15 || !IsAsciiLower(s[0])) return false;
  if (!IsAsciiLower(s.back()) && !IsAsciiDigit(s.back())) return false;
  if (!std::all_of(s.begin(), s.end(), IsNameChar)) return false;
  // "example.org" after "Snap:" is a website, not a name.
  static constexpr std::array<std::string_view, 9> kTlds = {"com", "org", "net",  "uk", "co",
                                                            "io",  "me",  "info", "biz"};
  const size_t dot = s.rfind('.');
  return dot == std::string_view::npos || !In(kTlds, s.substr(dot + 1));
}

// Signal usernames: a nickname (3-32 of [a-z0-9_], from a letter), a dot,
// and 2-9 digits: "anna.42".
bool IsSignalName(std::string_view s) {
  const size_t dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view nick = s.substr(0, dot);
  const std::string_view number = s.substr(dot + 1);
  if (nick.size() < 3 || nick.size() > 32 || !IsAsciiLower(nick[0])) return false;
  if (number.size() < 2 || number.size() > 9) return false;
  return std::all_of(nick.begin(), nick.end(), IsWordChar) &&
         std::all_of(number.begin(), number.end(), IsAsciiDigit);
}

bool IsName(Kind kind, std::string_view s) {
  switch (kind) {
    case Kind::kTelegram:
      return IsTelegramName(s);
    case Kind::kSnapchat:
      return IsSnapchatName(s);
    case Kind::kSignal:
      return IsSignalName(s);
    case Kind::kWhatsApp:
      return false;
  }
  return false;
}

// Looks like a handle rather than a word: has a digit, '_', '.' or '-'.
bool IsHandleShaped(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return !IsAsciiLower(c); });
}

// The name token at `p`: [a-z0-9._-], trailing punctuation dropped. Nothing
// when it runs into '@' or '/' (an e-mail address or a website).
std::optional<Value> NameAt(std::string_view low, size_t p, Kind kind) {
  size_t e = p;
  while (e < low.size() && IsNameChar(low[e])) ++e;
  if (e < low.size() && (low[e] == '@' || low[e] == '/' || low[e] == ':')) return std::nullopt;
  size_t end = e;
  while (end > p && (low[end - 1] == '.' || low[end - 1] == '-' || low[end - 1] == '_')) --end;
  const std::string_view name = low.substr(p, end - p);
  if (!IsName(kind, name)) return std::nullopt;
  std::string handle(HandlePrefix(kind));
  handle.append(name);
  return Value{p, end, std::move(handle)};
}

// ---- Links -----------------------------------------------------------------

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = HexDigitValue(s[i + 1]);
      const int lo = HexDigitValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// The value of `key` in a query string "a=1&b=2" (ends at '#').
std::optional<std::string_view> QueryValue(std::string_view query, std::string_view key) {
  query = query.substr(0, query.find('#'));
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == key) return pair.substr(eq + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

// First path segment of `path` ("/name/123?x" -> "name"), and the rest.
std::string_view Segment(std::string_view path, std::string_view* rest) {
  if (!path.empty() && path[0] == '/') path.remove_prefix(1);
  const size_t end = path.find_first_of("/?#");
  *rest = end == std::string_view::npos ? std::string_view() : path.substr(end);
  return path.substr(0, end);
}

std::optional<std::string> Prefixed(Kind kind, std::optional<std::string> value) {
  if (!value) return std::nullopt;
  std::string handle(HandlePrefix(kind));
  handle += *value;
  return handle;
}

std::optional<std::string> TelegramFromPath(std::string_view path) {
  // Not usernames: invites, shares, sticker sets, proxies and other pages
  // Telegram serves under t.me.
  static constexpr std::array<std::string_view, 16> kReserved = {
      "joinchat", "share", "addstickers", "addemoji", "addtheme",     "addlist",
      "proxy",    "socks", "setlanguage", "login",    "confirmphone", "invoice",
      "contact",  "boost", "giftcode",    "iv"};
  std::string_view rest;
  std::string_view name = Segment(path, &rest);
  if (name == "s") name = Segment(rest, &rest);  // channel preview: t.me/s/name
  if (In(kReserved, name) || !IsTelegramName(name)) return std::nullopt;
  return "telegram:@" + std::string(name);
}

// A handle from one URL (an href or a link written in the text).
std::optional<std::string> HandleFromUrl(std::string_view raw, const std::string& region) {
  const std::string decoded = ToLowerAscii(PercentDecode(raw));
  std::string_view url = decoded;
  while (!url.empty() && (url.front() == ' ' || url.front() == '\n')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\n')) url.remove_suffix(1);

  if (url.starts_with("whatsapp://")) {
    const size_t q = url.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    const std::optional<std::string_view> phone = QueryValue(url.substr(q + 1), "phone");
    return phone ? Prefixed(Kind::kWhatsApp, LinkNumber(*phone, region)) : std::nullopt;
  }
  if (url.starts_with("tg://resolve?")) {
    const std::optional<std::string_view> domain = QueryValue(url.substr(13), "domain");
    return domain ? TelegramFromPath(*domain) : std::nullopt;
  }
  for (std::string_view scheme : {"https://", "http://"}) {
    if (url.starts_with(scheme)) {
      url.remove_prefix(scheme.size());
      break;
    }
  }
  if (url.starts_with("www.")) url.remove_prefix(4);
  const size_t host_end = url.find_first_of("/?#");
  if (host_end == std::string_view::npos) return std::nullopt;
  const std::string_view host = url.substr(0, host_end);
  const std::string_view path = url.substr(host_end);

  if (host == "wa.me") {
    std::string_view rest;
    std::string_view number = Segment(path, &rest);
    if (number == "c") number = Segment(rest, &rest);  // business catalogue
    return Prefixed(Kind::kWhatsApp, LinkNumber(number, region));
  }
  if (host == "api.whatsapp.com" || host == "web.whatsapp.com" || host == "whatsapp.com") {
    const size_t q = path.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    const std::optional<std::string_view> phone = QueryValue(path.substr(q + 1), "phone");
    return phone ? Prefixed(Kind::kWhatsApp, LinkNumber(*phone, region)) : std::nullopt;
  }
  if (host == "t.me" || host == "telegram.me" || host == "telegram.dog") {
    return TelegramFromPath(path);
  }
  if (host == "snapchat.com") {
    std::string_view rest;
    if (Segment(path, &rest) != "add") return std::nullopt;
    const std::string_view name = Segment(rest, &rest);
    if (!IsSnapchatName(name)) return std::nullopt;
    return "snapchat:" + std::string(name);
  }
  if (host == "signal.me") {
    const size_t hash = path.find('#');
    if (hash == std::string_view::npos || !path.substr(hash).starts_with("#p/"))
      return std::nullopt;
    return Prefixed(Kind::kSignal, LinkNumber(path.substr(hash + 3), region));
  }
  return std::nullopt;
}

// ---- Messenger words in text -----------------------------------------------

struct Keyword {
  Kind kind = Kind::kWhatsApp;
  bool numbers = false;           // takes a phone number
  bool names = false;             // takes a username
  bool bare_after_colon = false;  // "Telegram: anna_rose"
  bool bare_if_shaped = false;    // "Snapchat anna.rose"
  bool short_word = false;        // "wa", "tg", "sc": no digit may follow
};

Keyword Classify(std::string_view word) {
  Keyword k;
  if (word == "telegram" || word == "tg") {
    k.kind = Kind::kTelegram;
    k.names = true;
    k.bare_after_colon = k.bare_if_shaped = word == "telegram";  // "TG" needs '@'
    k.short_word = word == "tg";
  } else if (word == "snapchat" || word == "snap" || word == "sc" || word == "\xF0\x9F\x91\xBB") {
    k.kind = Kind::kSnapchat;
    k.names = true;
    k.bare_after_colon = true;
    k.bare_if_shaped = word != "sc";  // "SC" needs ':' or '@'
    k.short_word = word == "snap" || word == "sc";
  } else if (word == "signal") {
    k.kind = Kind::kSignal;
    k.numbers = k.names = k.bare_after_colon = k.bare_if_shaped = true;
    k.short_word = true;
  } else {
    k.kind = Kind::kWhatsApp;
    k.numbers = true;
    k.short_word = word == "wa";
  }
  return k;
}

// Words that may stand between a messenger word and its value.
// Other messengers and social sites too: one name or number is often given
// for several ("Snap/Insta: anna.rose", "Viber/WhatsApp 07700 900123").
bool IsMessengerWord(std::string_view w) {
  static constexpr std::array<std::string_view, 26> kWords = {
      "whatsapp", "whatsap",  "whats",    "app",   "wa",        "wapp",  "telegram",
      "tg",       "snapchat", "snap",     "sc",    "signal",    "viber", "wechat",
      "imessage", "facetime", "skype",    "insta", "instagram", "ig",    "kik",
      "twitter",  "tiktok",   "facebook", "fb",    "onlyfans"};
  return In(kWords, w);
}
bool IsLabelWord(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "id",   "username", "user",    "name",    "handle", "account", "acc",
      "nick", "nickname", "profile", "channel", "group",  "chat"};
  return In(kWords, w);
}
bool IsFiller(std::string_view w) {
  static constexpr std::array<std::string_view, 36> kWords = {
      "me",  "on",      "only",   "or",       "and",       "call",      "calls", "text", "texts",
      "sms", "number",  "num",    "no",       "nr",        "tel",       "at",    "via",  "is",
      "to",  "us",      "msg",    "message",  "messages",  "available", "also",  "both", "add",
      "my",  "contact", "direct", "directly", "preferred", "please",    "pls",   "here", "just"};
  return In(kWords, w);
}
// Words that answer "Telegram:" or "Snap:" without naming anyone.
bool IsNotName(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "same",    "ask",    "below",    "above",   "yes",       "none",     "private",
      "request", "upon",   "dm",       "link",    "see",       "check",    "search",
      "find",    "follow", "required", "cleared", "clearance", "essential"};
  return In(kWords, w);
}
bool IsAbbreviation(std::string_view w) {
  return w == "no" || w == "nr" || w == "tel" || w == "num";
}
bool IsNegation(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "no",    "not",     "non", "dont", "cant",   "wont",
      "never", "without", "nor", "isnt", "doesnt", "unavailable"};
  return In(kWords, w);
}
// Words that make "signal" the radio kind: "poor signal", "the signal".
bool IsSignalQualifier(std::string_view w) {
  static constexpr std::array<std::string_view, 25> kWords = {
      "poor",   "bad",  "weak", "good",    "low",  "strong",  "full", "great", "phone",
      "mobile", "wifi", "fi",   "network", "lost", "traffic", "the",  "a",     "any",
      "zero",   "turn", "4g",   "5g",      "3g",   "cell",    "radio"};
  return In(kWords, w);
}

// The word ending at `end` ([a-z], apostrophes dropped: "don't", "don’t").
std::string WordBefore(std::string_view low, size_t end, size_t* begin) {
  std::string word;
  size_t i = end;
  while (i > 0) {
    const char c = low[i - 1];
    if (IsAsciiLower(c) || IsAsciiDigit(c)) {
      word.push_back(c);
      --i;
    } else if (c == '\'') {
      --i;
    } else if (i >= 3 && low.substr(i - 3, 3) == "\xE2\x80\x99") {  // ’
      i -= 3;
    } else {
      break;
    }
  }
  std::reverse(word.begin(), word.end());
  *begin = i;
  return word;
}

// "no WhatsApp", "not on WhatsApp", "poor signal".
bool IsNegatedBefore(std::string_view low, size_t kb, Kind kind) {
  size_t i = kb;
  if (i > 0 && low[i - 1] == ' ') --i;
  size_t b = i;
  std::string word = WordBefore(low, i, &b);
  if (word.empty()) return false;
  if (IsNegation(word)) return true;
  if (kind == Kind::kSignal && IsSignalQualifier(word)) return true;
  // "not on WhatsApp", "don't do WhatsApp", "never use or answer Telegram".
  static constexpr std::array<std::string_view, 12> kBetween = {
      "on", "via", "use", "using", "by", "do", "have", "answer", "reply", "check", "read", "or"};
  for (int k = 0; k < 2 && In(kBetween, word); ++k) {
    if (b > 0 && low[b - 1] == ' ') --b;
    size_t b2 = b;
    word = WordBefore(low, b, &b2);
    if (IsNegation(word)) return true;
    b = b2;
  }
  return false;
}

// "no" after a messenger word is an answer ("WhatsApp: no, call...") unless
// a number follows it ("WhatsApp no. 07700 900123", "WhatsApp no 0770...").
bool NoEndsClause(std::string_view low, size_t e) {
  if (e >= low.size()) return true;
  const char c = low[e];
  if (c == ',' || c == ';' || c == '!' || c == ')' || c == '\n') return true;
  if (c != '.') return false;
  size_t i = e + 1;
  while (i < low.size() && low[i] == ' ') ++i;
  return i >= low.size() || !(IsAsciiDigit(low[i]) || low[i] == '+' || low[i] == '(');
}

enum class Forward { kFound, kNothing, kNegated };

// Values after the messenger word [kb, ke). Each goes out as one candidate.
Forward ValuesAfter(std::string_view low, size_t kb, size_t ke, const Keyword& kw,
                    const std::string& region, std::vector<Value>* out) {
  size_t pos = ke;
  size_t limit = std::min(low.size(), ke + kMaxBridge);
  bool eligible = true;  // only messenger and label words so far
  bool found = false;
  bool stranger = false;  // a word that is neither a connector nor a value
  int words = 0;
  std::string last_word;
  const std::string_view prefix = HandlePrefix(kw.kind);
  while (pos < limit) {
    bool colon = false;
    while (pos < limit) {
      const char c = low[pos];
      const char next = pos + 1 < low.size() ? low[pos + 1] : '\0';
      // Punctuation, emoji and other symbols; "(" or "+" that opens no
      // number; the dot of "WhatsApp no. 07700...".
      const bool skipped = c == ' ' || c == '\n' || c == '/' || c == '&' || c == '|' || c == ',' ||
                           c == ')' || c == '[' || c == ']' || c == '*' || c == '>' || c == '#' ||
                           c == '~' || static_cast<unsigned char>(c) >= 0x80 ||
                           ((c == '(' || c == '+') && !IsAsciiDigit(next) && next != '+') ||
                           (c == '.' && IsAbbreviation(last_word));
      if (c == ':' || c == '=' || c == '-') {
        colon = !found;
      } else if (!skipped) {
        break;
      }
      ++pos;
    }
    if (pos >= limit) break;
    const char c = low[pos];

    if (c == '@') {
      if (!kw.names) break;
      std::optional<Value> v = NameAt(low, pos + 1, kw.kind);
      if (!v) break;
      out->push_back(Value{kb, v->end, std::move(v->handle)});
    } else if (IsAsciiDigit(c) || c == '+' || c == '(') {
      if (!kw.numbers) break;
      std::optional<Value> v = NumberAfter(low, pos, region, prefix);
      if (!v) {
        // Hours and the like ("24/7", "9am-9pm", "(24hrs)") may stand
        // before the number; a longer figure is a number that failed.
        size_t e = pos;
        int figures = 0;
        while (e < limit && (IsAsciiDigit(low[e]) || IsAsciiLower(low[e]) || low[e] == '/' ||
                             low[e] == ':' || low[e] == '-' || low[e] == '(' || low[e] == '+')) {
          if (IsAsciiDigit(low[e])) ++figures;
          ++e;
        }
        if (found || figures > 4 || ++words > kMaxBridgeWords) break;
        eligible = false;
        pos = e;
        continue;
      }
      out->push_back(Value{kb, v->end, std::move(v->handle)});
    } else if (IsAsciiLower(c)) {
      size_t e = pos;
      while (e < low.size() && (IsAsciiLower(low[e]) || low[e] == '\'')) ++e;
      // A plain word, or a name token ("anna.rose") that only starts with one.
      size_t token_end = pos;
      while (token_end < low.size() && IsNameChar(low[token_end])) ++token_end;
      while (token_end > e && (low[token_end - 1] == '.' || low[token_end - 1] == '-')) --token_end;
      std::string word(low.substr(pos, e - pos));
      word.erase(std::remove(word.begin(), word.end(), '\''), word.end());
      if (token_end <= e && !found && word == "no" && NoEndsClause(low, e))
        return Forward::kNegated;
      if (token_end <= e && (IsMessengerWord(word) || IsLabelWord(word) || IsFiller(word))) {
        if (found && word != "or" && word != "and" && word != "also") break;
        if (!IsMessengerWord(word) && !IsLabelWord(word)) eligible = false;
        last_word = std::move(word);
        pos = e;
        if (++words > kMaxBridgeWords) break;
        continue;
      }
      if (token_end <= e && !found && IsNegation(word)) return Forward::kNegated;
      if (!kw.names) {
        // One other word may name the person: "Call/WhatsApp Ion on 0770...".
        // Only for WhatsApp: other words ("signal booster") are not names.
        if (kw.kind != Kind::kWhatsApp || found || stranger || token_end > e || word.size() > 12 ||
            ++words > kMaxBridgeWords) {
          break;
        }
        stranger = true;
        eligible = false;
        last_word = std::move(word);
        pos = e;
        continue;
      }
      if (token_end <= e && IsNotName(word)) break;
      std::optional<Value> v = NameAt(low, pos, kw.kind);
      if (!v) break;
      const std::string_view name = low.substr(v->begin, v->end - v->begin);
      const bool bare_ok = (kw.bare_after_colon && colon && eligible && !found) ||
                           (kw.bare_if_shaped && IsHandleShaped(name));
      if (!bare_ok) break;
      out->push_back(Value{kb, v->end, std::move(v->handle)});
    } else {
      break;
    }
    // A second value may follow: "07700 900123 or 07700 900456".
    found = true;
    pos = out->back().end;
    limit = std::min(low.size(), pos + 16);
    last_word.clear();
  }
  if (found) return Forward::kFound;
  if (IsNegation(last_word)) return Forward::kNegated;  // "WhatsApp: no"
  return Forward::kNothing;
}

// A value just before the messenger word: "07700 900123 (WhatsApp)",
// "@anna_rose on Telegram". Names need their '@' here.
std::optional<Value> ValueBeforeKeyword(std::string_view low, size_t kb, size_t ke,
                                        const Keyword& kw, const std::string& region) {
  static constexpr std::array<std::string_view, 15> kWords = {
      "also",  "or",   "and",   "on",  "via", "only", "available", "call",
      "calls", "text", "texts", "sms", "me",  "us",   "add"};
  size_t j = kb;
  const size_t floor = kb > kMaxBackBridge ? kb - kMaxBackBridge : 0;
  int words = 0;
  while (j > floor) {
    const char c = low[j - 1];
    if (c == ' ' || c == '\n' || c == '(' || c == '[' || c == '-' || c == '/' || c == ':' ||
        c == ',' || c == '|' || c == '*' || c == '&' || c == '+' ||
        static_cast<unsigned char>(c) >= 0x80) {
      --j;
      continue;
    }
    if (!IsNameChar(c)) return std::nullopt;
    size_t t = j;  // start of the token ending at j
    while (t > 0 && j - t < 40 && IsNameChar(low[t - 1])) --t;
    if (t > 0 && low[t - 1] == '@') {
      const bool in_email = t >= 2 && (IsWordChar(low[t - 2]) || low[t - 2] == '.');
      if (!kw.names || in_email) return std::nullopt;
      std::optional<Value> v = NameAt(low, t, kw.kind);
      if (!v || v->end != j) return std::nullopt;
      return Value{t - 1, ke, std::move(v->handle)};
    }
    if (IsAsciiDigit(c)) {
      if (!kw.numbers) return std::nullopt;
      std::optional<Value> v = NumberBefore(low, j, region, HandlePrefix(kw.kind));
      if (!v) return std::nullopt;
      return Value{v->begin, ke, std::move(v->handle)};
    }
    size_t b = j;
    const std::string word = WordBefore(low, j, &b);
    if (b == j || ++words > 4 || (!In(kWords, word) && !IsMessengerWord(word))) {
      return std::nullopt;
    }
    j = b;
  }
  return std::nullopt;
}

// Where a link or a messenger word may start, tested by hand so that the
// scan costs a few comparisons per byte and the pattern runs only at these
// places (anchored). Works on text of any case.
bool MayStartAt(std::string_view s, size_t i) {
  // `s` at `i` starts with `literal`, ignoring ASCII case.
  const auto at = [rest = s.substr(i)](std::string_view literal) {
    return StartsWithIgnoreCaseAscii(rest, literal);
  };
  const char c = AsciiLower(s[i]);
  if (c == '\xF0') return at("\xF0\x9F\x91\xBB");  // ghost emoji
  if (c != 'w' && c != 't' && c != 's' && c != 'a' && c != 'h') return false;
  if (i > 0 && IsWordChar(AsciiLower(s[i - 1]))) return false;
  const auto short_word = [&](std::string_view w) {
    return at(w) && (i + 2 >= s.size() || !IsWordChar(AsciiLower(s[i + 2])));
  };
  // The second letter rules out most words ("the", "so", "we") at once.
  const char c1 = i + 1 < s.size() ? AsciiLower(s[i + 1]) : '\0';
  switch (c) {
    case 'w':
      if (c1 != 'h' && c1 != 'a' && c1 != 't' && c1 != 'e' && c1 != 'w') return false;
      return at("whats") || at("what'") || at("what\xE2\x80\x99") || at("whatapp") || at("wats") ||
             at("wtsapp") || at("wapp") || at("web.whatsapp") || at("www.") || short_word("wa");
    case 't':
      if (c1 != 'e' && c1 != '.' && c1 != 'g') return false;
      return at("telegram") || at("t.me/") || short_word("tg");
    case 's':
      if (c1 != 'n' && c1 != 'i' && c1 != 'c') return false;
      return at("snap") || at("signal") || short_word("sc");
    case 'a':
      return at("api.whatsapp");
    default:
      return at("http");
  }
}

// Byte classes for NextStart, by table: it runs for every byte of every page.
struct StartTables {
  bool first[256];  // may begin a link or messenger word
  bool word[256];   // [A-Za-z0-9_]: a word going on
};

constexpr StartTables MakeStartTables() {
  StartTables t{};
  for (int c = 0; c < 256; ++c) {
    const char lower = AsciiLower(static_cast<char>(c));
    t.first[c] =
        lower == 'w' || lower == 't' || lower == 's' || lower == 'a' || lower == 'h' || c == 0xF0;
    t.word[c] = IsWordChar(lower);
  }
  return t;
}

constexpr StartTables kStart = MakeStartTables();

// The first place at or after `from` where MayStartAt holds, or npos.
size_t NextStart(std::string_view s, size_t from) {
  bool in_word = from > 0 && kStart.word[static_cast<unsigned char>(s[from - 1])];
  for (size_t i = from; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (kStart.first[c] && (!in_word || c == 0xF0) && MayStartAt(s, i)) return i;
    in_word = kStart.word[c];
  }
  return std::string_view::npos;
}

// Links written in the text, and messenger words (group 1).
const RE2& ScanPattern() {
  static const RE2 kScan(
      R"((?:https?://)?(?:www\.)?(?:wa\.me|(?:api\.|web\.)?whatsapp\.com|t\.me|)"
      R"(telegram\.(?:me|dog)|snapchat\.com|signal\.me)/[^\s<>"'`]*)"
      R"(|(?:whatsapp|tg)://[^\s<>"'`]+)"
      R"(|(what(?:'|’)?s ?app?|wh?ats ?app?|whatapp|wtsapp|wapp|telegram|snapchat)"
      R"(|wa\b|tg\b|sc\b|snap\b|signal\b|👻))");
  return kScan;
}

// A messenger word inside a web address ("example.org/whatsapp-0770...") is
// part of a path, not a mention.
bool InUrl(std::string_view low, size_t begin) {
  if (begin == 0) return false;
  const char before = low[begin - 1];
  if (before != '/' && before != '.' && before != '=' && before != '?' && before != '&' &&
      before != '-' && before != '_') {
    return false;
  }
  size_t t = begin;
  while (t > 0 && begin - t < 256 && low[t - 1] != ' ' && low[t - 1] != '\n') --t;
  const std::string_view token = low.substr(t, begin - t);
  // A scheme, or a host name with a path after it.
  const size_t dot = token.find('.');
  return token.find("://") != std::string_view::npos ||
         (dot != std::string_view::npos && token.find('/', dot) != std::string_view::npos);
}

struct Candidate {
  size_t begin = 0;  // normalised offsets
  size_t end = 0;
  std::string handle;
};

void ScanText(std::string_view low, size_t first, const std::string& region,
              std::vector<Candidate>* out) {
  const RE2& scan = ScanPattern();
  re2::StringPiece groups[2];
  std::vector<Value> values;
  for (size_t pos = first; pos < low.size(); pos = NextStart(low, pos)) {
    const size_t begin = pos;
    if (!scan.Match(low, begin, low.size(), RE2::ANCHOR_START, groups, 2)) {
      ++pos;
      continue;
    }
    const size_t end = begin + groups[0].size();
    pos = std::max(end, begin + 1);
    const char before = begin > 0 ? low[begin - 1] : ' ';

    if (groups[1].data() == nullptr) {  // a link written in the text
      if (IsWordChar(before) || before == '.' || before == '-' || before == '@') continue;
      size_t e = end;
      while (e > begin &&
             std::string_view(".,;:!?)]}'\"*").find(low[e - 1]) != std::string_view::npos) {
        --e;
      }
      if (std::optional<std::string> handle = HandleFromUrl(low.substr(begin, e - begin), region)) {
        out->push_back(Candidate{begin, e, std::move(*handle)});
      }
      continue;
    }

    const std::string_view word(groups[1].data(), groups[1].size());
    const char after = end < low.size() ? low[end] : ' ';
    const Keyword kw = Classify(word);
    const bool emoji = static_cast<unsigned char>(word[0]) >= 0x80;
    if (before == '@' || InUrl(low, begin)) continue;
    if (!emoji && (IsAsciiLower(after) || after == '_' || (kw.short_word && IsAsciiDigit(after)))) {
      continue;
    }
    if (IsNegatedBefore(low, begin, kw.kind)) continue;
    values.clear();
    const Forward forward = ValuesAfter(low, begin, end, kw, region, &values);
    if (forward == Forward::kNothing) {
      if (std::optional<Value> v = ValueBeforeKeyword(low, begin, end, kw, region)) {
        values.push_back(std::move(*v));
      }
    }
    for (Value& v : values) out->push_back(Candidate{v.begin, v.end, std::move(v.handle)});
  }
}

bool MayBeHandleLink(std::string_view link) {
  static const RE2 kLink(R"((?i)wa\.me/|whatsapp|t\.me/|telegram\.|tg:|snapchat\.com|signal\.me)");
  return RE2::PartialMatch(link, kLink);
}

std::vector<HandleMatch> FindAll(std::string_view text, const NormalizedText* norm,
                                 const std::vector<std::string>& links, const std::string& region) {
  std::vector<HandleMatch> out;
  std::unordered_set<std::string> seen;
  const size_t first = norm != nullptr ? NextStart(norm->text, 0) : std::string_view::npos;
  if (first != std::string_view::npos) {
    const std::string low = ToLowerAscii(norm->text);
    std::vector<Candidate> found;
    ScanText(low, first, region, &found);
    std::stable_sort(found.begin(), found.end(),
                     [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    for (Candidate& c : found) {
      if (!seen.insert(c.handle).second) continue;
      HandleMatch m;
      m.handle = std::move(c.handle);
      m.match = std::string(norm->OriginalSpan(text, c.begin, c.end));
      out.push_back(std::move(m));
    }
  }
  for (const std::string& link : links) {
    if (link.size() > 2048 || !MayBeHandleLink(link)) continue;
    std::optional<std::string> handle = HandleFromUrl(link, region);
    if (!handle || !seen.insert(*handle).second) continue;
    HandleMatch m;
    m.handle = std::move(*handle);
    m.match = link;
    m.from_link = true;
    out.push_back(std::move(m));
  }
  return out;
}

// Fullwidth (U+FF01..FF5E), circled (U+24B6..24E9) and mathematical
// (U+1D400..1D7FF) letters, which NormalizeForMatching folds to ASCII.
bool MayHideLetters(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0xE2) continue;
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if ((c == 0xEF && (d == 0xBC || d == 0xBD)) || (c == 0xE2 && (d == 0x92 || d == 0x93)) ||
        (c == 0xF0 && d == 0x9D)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<HandleMatch> FindHandles(std::string_view text, const std::vector<std::string>& links,
                                     const std::string& region) {
  // Normalising costs more than the scan: skip it when no messenger can be
  // named, unless it is written in letters normalising folds ("ＷｈａｔｓＡｐｐ").
  if (NextStart(text, 0) == std::string_view::npos && !MayHideLetters(text)) {
    return FindAll(text, nullptr, links, region);
  }
  const NormalizedText norm = NormalizeForMatching(text);
  return FindAll(text, &norm, links, region);
}

std::vector<HandleMatch> FindHandles(std::string_view text, const NormalizedText& norm,
                                     const std::vector<std::string>& links,
                                     const std::string& region) {
  return FindAll(text, &norm, links, region);
}

}  // namespace plainsight
