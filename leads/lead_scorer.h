// LeadScorer: the explained score of one group of linked adverts.
//
// Every point comes with a plain-language reason, and the score is exactly
// the sum of the reasons' points (reasons of 0 points only inform: a hub
// the group touches). Ranking is by risk, not size: a group with no sign
// of risk (no combination of indicator categories, no strong indicator,
// no risky cross-advert signal: the pattern of an ordinary employer, a
// family sharing a phone, an agency with branch phones) keeps its reasons
// for the analyst but scores at most no_risk_max_points, below min_score.
// Every quoted match is the words of one of the group's own adverts, and
// names that advert. Bare shared contacts earn little; cross-advert
// signals (many adverts or personas on one phone, movement between towns,
// posting rate, consecutive numbers, templates with rotating phones, many
// job adverts at one address with accommodation or transport, recruitment
// links, quick removal) and indicator wording earn more, and a combination
// term grows with the square of the number of distinct indicator
// categories plus signal kinds: only combinations separate (Volodko,
// Cockbain & Kleinberg 2020). Weights and their sources: LeadSettings in
// core/config.h.
//
// A free function over read-only values: safe from any thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config.h"
#include "leads/corpus.h"
#include "leads/link_graph.h"
#include "store/advert.h"

namespace plainsight {

struct ScoredGroup {
  // reasons, reason_points, score, advert_ids, phones, emails, postcodes,
  // addresses, hubs and links are set; id, status and dates are not.
  LeadRecord lead;
  // Members of the group's largest near-duplicate template, for
  // BuildTemplate (empty when there is none).
  std::vector<std::uint32_t> template_members;
};

// `members`: the group's advert indices, ascending. `links`: the active
// link sources inside the group (LinksByGroup).
ScoredGroup ScoreGroup(const Corpus& corpus, const LinkGraph& graph,
                       const std::vector<std::uint32_t>& members,
                       const std::vector<GroupLink>& links, const LeadSettings& settings);

}  // namespace plainsight
