// TemplateRisk: whether adverts written from one template carry a sign of
// risk of their own, which is what lets a template (weak evidence) join
// adverts into a lead (link_graph.h).
//
// Copied wording alone is not a sign: employers, agencies and whole boards
// reuse their own text. A template carries risk when
//   - most of its adverts are adult-services adverts and they rotate
//     phones (template_rotating_phones or more distinct numbers) or state
//     several names or ages: one writer behind several people (InfoShield,
//     Lee et al. ICDE 2021; INDICATORS.md "one template with only name,
//     age, town or phone changed");
//   - at least half its adverts carry indicator wording, and together they
//     show two or more indicator categories: combinations, not single
//     keywords (Volodko, Cockbain & Kleinberg 2020). One category is not
//     enough even for a strong indicator: on 5,490 real adverts a large
//     employer's own wording with pay under the minimum wage made
//     36-advert "template" leads of one supermarket's stores.
// A national agency's own wording with branch phones (job adverts, no
// indicators) therefore carries none.
//
// A free function over read-only values: safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"
#include "leads/corpus.h"

namespace plainsight {

// Why the adverts `members` (ascending) of one template carry risk, in a
// few words ("5 phones on 6 adult adverts"), or "" when they carry none.
// `entity_ignored`: entities dropped as boilerplate or hub (not counted).
std::string TemplateRisk(const Corpus& corpus, const std::vector<bool>& entity_ignored,
                         const std::vector<std::uint32_t>& members, const LeadSettings& settings);

// Distinct phones among `members` that are not ignored.
size_t DistinctPhones(const Corpus& corpus, const std::vector<bool>& entity_ignored,
                      const std::vector<std::uint32_t>& members);

// True when at least half of `members` are adult-services adverts.
bool MostlyAdult(const Corpus& corpus, const std::vector<std::uint32_t>& members);

}  // namespace plainsight
