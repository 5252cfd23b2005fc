#include "extractors/phone_candidates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>

#include "core/strings.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

// Separators that may sit between pieces of one number.
bool IsSeparator(char c) {
  switch (c) {
    case ' ':
    case '\n':
    case '.':
    case '-':
    case '/':
    case '(':
    case ')':
    case '+':
    case ',':
    case '_':
    case '*':
    case '|':
    case '~':
    case '\\':
    case '[':
    case ']':
      return true;
    default:
      return false;
  }
}

constexpr size_t kMaxGap = 3;  // " - ", ") (", " / "

struct NumberWord {
  std::string_view word;
  char digit;  // '\0' for a repeat word
  int repeat;  // "double" = 2, "treble"/"triple" = 3
};

constexpr std::array<NumberWord, 18> kNumberWords = {{
    {"zero", '0', 0},
    {"nought", '0', 0},
    {"naught", '0', 0},
    {"oh", '0', 0},
    {"o", '0', 0},
    {"one", '1', 0},
    {"two", '2', 0},
    {"three", '3', 0},
    {"four", '4', 0},
    {"five", '5', 0},
    {"six", '6', 0},
    {"seven", '7', 0},
    {"eight", '8', 0},
    {"nine", '9', 0},
    {"double", '\0', 2},
    {"treble", '\0', 3},
    {"triple", '\0', 3},
    {"dbl", '\0', 2},
}};

// Letters that follow digits in measurements, times, ordinals and prices:
// "180cm", "9am", "2nd", "25k". Such digits are never part of a phone.
bool IsUnitSuffix(std::string_view lower) {
  static constexpr std::array<std::string_view, 36> kUnits = {
      "am",   "pm",  "cm", "mm", "m",  "km", "kg",  "g",   "lb",    "lbs",  "ft",  "in",
      "st",   "nd",  "rd", "th", "k",  "hr", "hrs", "h",   "x",     "yo",   "yrs", "y",
      "mins", "min", "ml", "p",  "pw", "ph", "pa",  "pcm", "hours", "days", "s",   "mph"};
  for (std::string_view unit : kUnits) {
    if (lower == unit) return true;
  }
  return false;
}

// Indices into kNumberWords of the words starting with one letter.
struct WordsByLetter {
  std::array<size_t, kNumberWords.size()> index{};
  size_t count = 0;
};

constexpr std::array<WordsByLetter, 26> IndexByFirstLetter() {
  std::array<WordsByLetter, 26> table{};
  for (size_t i = 0; i < kNumberWords.size(); ++i) {
    WordsByLetter& entry = table[static_cast<size_t>(kNumberWords[i].word[0] - 'a')];
    entry.index[entry.count++] = i;
  }
  return table;
}

constexpr std::array<WordsByLetter, 26> kWordsByFirstLetter = IndexByFirstLetter();

// lower[from..] starts with `word`; inline, as a memcmp call per try costs
// more than the few bytes it compares.
bool HasAt(std::string_view lower, size_t from, std::string_view word) {
  if (lower.size() - from < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (lower[from + i] != word[i]) return false;
  }
  return true;
}

// Splits lower[from..] entirely into number words ("ohsevenseven"),
// appending (offset in `lower`, word) pairs; false when some part is not a
// number word. Words are tried in table order, backtracking on failure.
bool SegmentNumberWords(std::string_view lower, size_t from,
                        std::vector<std::pair<size_t, const NumberWord*>>* out) {
  if (from == lower.size()) return true;
  const char first = lower[from];
  if (first < 'a' || first > 'z') return false;
  const size_t base = out->size();
  // Only the words with this first letter, still in table order.
  const WordsByLetter& by_letter = kWordsByFirstLetter[static_cast<size_t>(first - 'a')];
  for (size_t k = 0; k < by_letter.count; ++k) {
    const NumberWord& w = kNumberWords[by_letter.index[k]];
    if (!HasAt(lower, from, w.word)) continue;
    out->emplace_back(from, &w);
    if (SegmentNumberWords(lower, from + w.word.size(), out)) return true;
    out->resize(base);
  }
  return false;
}

bool AllOf(std::string_view s, std::string_view allowed) {
  for (char c : s) {
    if (allowed.find(c) == std::string_view::npos) return false;
  }
  return !s.empty();
}

// One bit per letter a..z that starts some kNumberWords entry.
constexpr uint32_t NumberWordStarts() {
  uint32_t mask = 0;
  for (const NumberWord& w : kNumberWords) mask |= uint32_t{1} << (w.word[0] - 'a');
  return mask;
}

// The first letters of kNumberWords ("oo" look-alikes start with 'o' too).
// A mask, not a loop over the table: this runs for every word of prose.
bool MayStartNumberWord(char lower) {
  constexpr uint32_t kStarts = NumberWordStarts();
  return lower >= 'a' && lower <= 'z' && ((kStarts >> (lower - 'a')) & 1U) != 0;
}

class RunBuilder {
 public:
  RunBuilder(std::string_view text, size_t min_digits, std::vector<DigitRun>* runs)
      : text_(text), min_digits_(min_digits), runs_(runs) {}

  void AddAtom(size_t begin, size_t end, std::string digits, DigitAtom::Kind kind) {
    if (repeat_) {
      digits.insert(0, static_cast<size_t>(repeat_->count - 1), digits[0]);
      begin = repeat_->begin;
      kind = DigitAtom::Kind::kWord;
      repeat_.reset();
    }
    DigitAtom atom;
    atom.begin = begin;
    atom.end = end;
    atom.digits = std::move(digits);
    atom.kind = kind;
    const size_t gap_begin = current_.empty() ? run_start_ : current_.back().end;
    atom.gap_before = text_.substr(gap_begin, begin - gap_begin);
    digit_count_ += atom.digits.size();
    current_.push_back(std::move(atom));
    gap_ = 0;
  }

  void SetRepeat(size_t begin, int count) {
    if (!repeat_) repeat_ = Repeat{begin, count};
  }

  void AddSeparator(size_t pos) {
    if (++gap_ > kMaxGap) Break(pos + 1);
  }

  // Ends the current run; the next one may start at `next_start`.
  void Break(size_t next_start) {
    if (!current_.empty() && digit_count_ >= min_digits_) runs_->push_back(std::move(current_));
    current_.clear();
    digit_count_ = 0;
    repeat_.reset();
    gap_ = 0;
    run_start_ = next_start;
  }

 private:
  struct Repeat {
    size_t begin;
    int count;
  };
  std::string_view text_;
  size_t min_digits_;
  std::vector<DigitRun>* runs_;
  DigitRun current_;
  std::optional<Repeat> repeat_;
  size_t gap_ = 0;
  size_t run_start_ = 0;
  size_t digit_count_ = 0;  // digits in current_
};

// Words that label the number after them as something other than a phone.
bool IsReferenceLabel(std::string_view lower) {
  static constexpr std::array<std::string_view, 11> kLabels = {
      "ref",     "reference", "order",  "invoice", "inv",        "id",
      "receipt", "tracking",  "serial", "sku",     "transaction"};
  for (std::string_view label : kLabels) {
    if (lower == label) return true;
  }
  return false;
}

// Words that label a reference only with "no.", "number" or '#' after them:
// "Booking no. 123456789", "Job #123456789"; but "Booking: 07700 900123"
// is how a phone is offered.
bool IsReferenceLabelWithNumberMark(std::string_view lower) {
  static constexpr std::array<std::string_view, 6> kLabels = {"booking",  "job",  "account",
                                                              "customer", "item", "ticket"};
  for (std::string_view label : kLabels) {
    if (lower == label) return true;
  }
  return false;
}

// Words between a label and its number: "Order no. 123", "Ref number: 123".
bool IsNumberWord(std::string_view lower) {
  return lower == "no" || lower == "nr" || lower == "num" || lower == "number";
}

// Between a label and its number: "Ref: ", "Order #", "ID- ".
bool IsLabelPunctuation(char c) { return c == ' ' || c == ':' || c == '#' || c == '.' || c == '-'; }

// The longest word IsReferenceLabel, IsReferenceLabelWithNumberMark or
// IsNumberWord knows ("transaction").
constexpr size_t kMaxLabelSize = 11;

struct WordBefore {
  // Lower-cased; empty when there is no word or it is longer than any label.
  // A fixed buffer: this runs for every digit group of the text.
  std::array<char, kMaxLabelSize> buffer{};
  size_t size = 0;
  size_t begin = 0;
  bool hash = false;  // a '#' lay between the word and `end`

  std::string_view lower() const { return {buffer.data(), size}; }
};

// The ASCII word ending just before `end`, after skipping at most a few
// label punctuation bytes.
WordBefore ReadWordBefore(std::string_view text, size_t end) {
  constexpr size_t kMaxPunctuation = 3;  // " : ", " # ", ". "
  WordBefore word;
  size_t skipped = 0;
  while (end > 0 && IsLabelPunctuation(text[end - 1]) && skipped < kMaxPunctuation) {
    if (text[end - 1] == '#') word.hash = true;
    --end;
    ++skipped;
  }
  word.begin = end;
  while (word.begin > 0 && IsAsciiAlpha(text[word.begin - 1])) --word.begin;
  if (end - word.begin > kMaxLabelSize) return word;
  for (size_t i = word.begin; i < end; ++i) word.buffer[word.size++] = AsciiLower(text[i]);
  return word;
}

bool FollowsReferenceLabel(std::string_view text, size_t digits_begin) {
  WordBefore word = ReadWordBefore(text, digits_begin);
  if (word.size == 0) return false;  // no word (or too long for a label): most digits
  bool marked = word.hash;
  if (IsNumberWord(word.lower())) {
    word = ReadWordBefore(text, word.begin);
    marked = true;
  }
  return IsReferenceLabel(word.lower()) || (marked && IsReferenceLabelWithNumberMark(word.lower()));
}

// End of the digit group starting at `begin`: digits, joined by single
// '-', '.' or '/' between two digits.
size_t DigitGroupEnd(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end < text.size()) {
    if (IsAsciiDigit(text[end])) {
      ++end;
    } else if ((text[end] == '-' || text[end] == '.' || text[end] == '/') &&
               end + 1 < text.size() && IsAsciiDigit(text[end + 1])) {
      end += 2;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

std::vector<DigitRun> SplitDigitRuns(std::string_view text, const std::vector<DecoySpan>& blocked,
                                     size_t min_digits) {
  std::vector<DigitRun> runs;
  RunBuilder builder(text, min_digits, &runs);
  // Reused across words: most prose words reach here, few need new memory.
  std::string lower;
  std::vector<std::pair<size_t, const NumberWord*>> parts;
  size_t next_block = 0;  // first span of `blocked` not yet passed
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    while (next_block < blocked.size() && blocked[next_block].end <= pos) ++next_block;
    // Where the next blocked bytes start (or the end of the text).
    const size_t block_begin =
        next_block < blocked.size() ? std::min(blocked[next_block].begin, text.size()) : text.size();
    if (block_begin <= pos) {
      const size_t end = std::min(blocked[next_block].end, text.size());
      builder.Break(end);
      pos = end;
      continue;
    }
    if (IsAsciiDigit(c)) {
      size_t end = pos;
      while (end < block_begin && IsAsciiDigit(text[end])) ++end;
      size_t letters_end = end;
      while (letters_end < text.size() && IsAsciiAlpha(text[letters_end])) ++letters_end;
      lower.clear();
      for (size_t i = end; i < letters_end; ++i) lower.push_back(AsciiLower(text[i]));
      if (!lower.empty() && IsUnitSuffix(lower)) {
        builder.Break(letters_end);
        pos = letters_end;
        continue;
      }
      builder.AddAtom(pos, end, std::string(text.substr(pos, end - pos)), DigitAtom::Kind::kDigits);
      pos = end;
      continue;
    }
    if (IsAsciiAlpha(c)) {
      size_t end = pos;
      while (end < text.size() && IsAsciiAlpha(text[end])) ++end;
      std::string_view word = text.substr(pos, end - pos);
      const bool touches_digit = (pos > 0 && IsAsciiDigit(text[pos - 1])) ||
                                 (end < text.size() && IsAsciiDigit(text[end]));
      if (!touches_digit && !MayStartNumberWord(AsciiLower(c))) {
        // Neither a number word, nor "oo", nor a look-alike: most prose.
        builder.Break(end);
        pos = end;
        continue;
      }
      lower.resize(word.size());
      for (size_t i = 0; i < word.size(); ++i) lower[i] = AsciiLower(word[i]);
      parts.clear();
      if (AllOf(word, "oO") && word.size() > 1) {
        builder.AddAtom(pos, end, std::string(word.size(), '0'), DigitAtom::Kind::kLookalike);
      } else if (SegmentNumberWords(lower, 0, &parts)) {
        for (size_t i = 0; i < parts.size(); ++i) {
          const size_t part_begin = pos + parts[i].first;
          const size_t part_end = i + 1 < parts.size() ? pos + parts[i + 1].first : end;
          const NumberWord& w = *parts[i].second;
          if (w.repeat > 0) {
            builder.SetRepeat(part_begin, w.repeat);
          } else {
            builder.AddAtom(part_begin, part_end, std::string(1, w.digit), DigitAtom::Kind::kWord);
          }
        }
      } else if (touches_digit && AllOf(word, "oOlIi")) {
        std::string digits;
        for (char w : word) digits.push_back(w == 'o' || w == 'O' ? '0' : '1');
        builder.AddAtom(pos, end, std::move(digits), DigitAtom::Kind::kLookalike);
      } else {
        builder.Break(end);
      }
      pos = end;
      continue;
    }
    if (IsSeparator(c)) {
      builder.AddSeparator(pos);
      ++pos;
      continue;
    }
    // Anything else (':', '£', '@', letters of other scripts...) ends a run.
    ++pos;
    builder.Break(pos);
  }
  builder.Break(text.size());
  return runs;
}

std::vector<DecoySpan> WithReferenceNumbers(std::string_view text, std::vector<DecoySpan> blocked) {
  const size_t decoys = blocked.size();
  size_t pos = NextDigit(text, 0);
  while (pos < text.size()) {
    const size_t end = DigitGroupEnd(text, pos);
    if (FollowsReferenceLabel(text, pos)) blocked.push_back({pos, end});
    pos = NextDigit(text, end);
  }
  if (blocked.size() == decoys) return blocked;
  // Keep the contract of FindDecoySpans: sorted, disjoint, not touching.
  std::sort(blocked.begin(), blocked.end(),
            [](const DecoySpan& a, const DecoySpan& b) { return a.begin < b.begin; });
  size_t kept = 0;
  for (const DecoySpan& span : blocked) {
    if (kept > 0 && span.begin <= blocked[kept - 1].end) {
      blocked[kept - 1].end = std::max(blocked[kept - 1].end, span.end);
    } else {
      blocked[kept++] = span;
    }
  }
  blocked.resize(kept);
  return blocked;
}

}  // namespace plainsight
