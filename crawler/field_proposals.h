// Field proposals: `[sites.fields]` selectors found from two or three sample
// adverts of one site.
//
// For each field the proposer rates every element of every sample as that
// field (title: the h1, or the element whose text the <title> holds;
// location: a class, id, itemprop or label naming a place, or text naming a
// UK town; salary: pay words or a pay amount; posted: a <time>, date words
// or a date), turns the likely ones into selectors in the subset that
// extractors/selector.h reads (tag.class, tag#id, tag[itemprop=x], an
// ancestor's class then a tag), and keeps the selector whose first match
// (the element the crawl reads) rates best over all samples, preferring
// class-based selectors that match one element on every page. The body is
// the block with the most text that differs between the samples and the
// least that they share (labels, boxes, chrome). Values a page keeps in
// script data are proposed as `script:NAME#path` (site_probe_scripts.h).
// When the samples disagree, the selector covering most samples wins, then
// the one covering the first sample.
//
// ReadField reads a proposal back exactly as the crawl's extractor does
// (ParseHtml, ReadScriptField), so reported values are what a crawl stores.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crawler/site_probe_dom.h"
#include "extractors/gazetteer.h"

namespace plainsight {

struct FieldProposal {
  std::string field;                // "title", "body", "location", "salary", "posted"
  std::string selector;             // "" when nothing fits
  std::vector<std::string> values;  // per sample, as the crawl reads it ("" = nothing)
  std::string note;                 // why nothing fits, or a caveat
};

struct FieldProposalOptions {
  std::string kind = "jobs";                // "adult" proposes no salary
  const Gazetteer* gazetteer = nullptr;     // towns for location; may be null
};

// One proposal per field, in the order title, body, location, salary
// (jobs only), posted.
std::vector<FieldProposal> ProposeFields(const std::vector<const ProbeDom*>& samples,
                                         const FieldProposalOptions& options);

// What `selector` (CSS subset or script: path) reads on `html_utf8`, trimmed,
// exactly as the crawl's extractor reads a field; "" when nothing matches.
std::string ReadField(std::string_view html_utf8, const std::string& selector);

}  // namespace plainsight
