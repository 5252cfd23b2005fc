// The PDQ reference's published hashes of its bridge photo turned and
// mirrored (../shared/pdq/README.md, C++ "pdq-photo-hasher"), for the
// conformance test and pdq_bench. Test data only; the images themselves
// stay in ../shared and are never copied into the repository.
#pragma once

namespace plainsight::images::pdq_reference {

struct Vector {
  const char* file;
  const char* pdq;
};

// C++ reference ("pdq-photo-hasher"), bridge-1..8: the same photo turned
// and mirrored, in the order of Dihedral.
constexpr Vector kCppReference[] = {
    {"bridge-1-original.jpg", "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22"},
    {"bridge-2-rotate-90.jpg", "b0a10efd71cc3f429413d48d0ffffe12e34e0e17ada952a9d29684210aa9e5af"},
    {"bridge-3-rotate-180.jpg", "adad5a64b5a142e55362a09057dacd5ae63b847fc23794b766b319361fc93188"},
    {"bridge-4-rotate-270.jpg", "a5f4a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b0bfc4f05"},
    {"bridge-5-flipx.jpg", "f8f80f31e0f417b00e37f5cd028f980fb36ed02a9662c1e233e6cc634e9c64dd"},
    {"bridge-6-flipy.jpg", "8dad2599b1a1bd1853625f6553da32a1e63b7280c2374b4866b366c91bc9ce77"},
    {"bridge-7-flip-plus-1.jpg",
     "f0a1f102f1dcc0bd9c5309720fff018de34ef1e8ada9a956d2967ade0ea91a50"},
    {"bridge-8-flip-minus-1.jpg",
     "a5f05ba8a4896a17c106a3da5aaaab07b61b5b42f8fc07fc83c3d0740bfcb0fa"},
};

}  // namespace plainsight::images::pdq_reference
