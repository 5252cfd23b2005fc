// Rng: farm2's only source of chance is the first farm's SplitMix64 Rng
// (tests/farm/rng.h): every draw written out there, so one seed builds the
// same farm with every compiler, and Fork() gives a generator its own
// stream.
#pragma once

#include "tests/farm/rng.h"

namespace plainsight::farm2 {

using Rng = farm::Rng;

}  // namespace plainsight::farm2
