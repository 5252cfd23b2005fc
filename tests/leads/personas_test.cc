// Stated ages and names read off adult adverts, for "several people under
// one phone".
#include <catch2/catch.hpp>

#include "leads/personas.h"

namespace plainsight {
namespace {

TEST_CASE("Personas_AgesAndNames_FromTitleAndText") {
  static const struct {
    const char* title;
    const char* text;
    int age;
    const char* name;
  } kCases[] = {
      {"Jasmine, Age 22 - relaxing massage in Northampton", "", 22, "Jasmine"},
      {"Natalia, 23, companionship in Corby", "", 23, "Natalia"},
      {"Lena: elegant company in Kettering", "Age 25. Based in Kettering.", 25, "Lena"},
      {"Sara - elegant company, Daventry", "Book Sara for relaxing evenings.", 0, "Sara"},
      {"New arrival Kiki in Wellingborough", "Kiki is 27 years young.", 27, ""},
      {"Relaxing evenings", "Hello, I'm Mila. age: 31", 31, "Mila"},
      {"Companionship", "My name is Ruby and I am 19 years old.", 19, "Ruby"},
      {"Massage", "Age 12 is not an adult age; no name here.", 0, ""},
      {"Elegant company", "Open 10 until 22 every day.", 0, ""},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.title, c.text);
    Persona p = FindPersona(c.title, c.text);
    CHECK(p.age == c.age);
    CHECK(p.name == c.name);
  }
}

}  // namespace
}  // namespace plainsight
