// Planted risky groups on the adult directories.
//   AddSharedPhoneRings   three rings, each one phone behind 7-10 profiles
//                         with different names and ages, moving through 3-4
//                         towns over a few weeks, on both directories.
//   AddRotatingTemplate   one "our girls / new girls every week" advert
//                         copied 10 times, only name, age, town and phone
//                         changed, every copy a different phone (some of
//                         them consecutive numbers).
//   AddCopiedTextRings    two unrelated rings posting the same copied text:
//                         ring A with three phones shared among its six
//                         adverts, ring B with two among its five. Two
//                         groups: a tool that merges them is wrong.
// Each ring is one risky truth group.
#pragma once

#include "tests/farm2/build_context.h"

namespace plainsight::farm2 {

void AddSharedPhoneRings(BuildContext& ctx);
void AddRotatingTemplate(BuildContext& ctx);
void AddCopiedTextRings(BuildContext& ctx);

}  // namespace plainsight::farm2
