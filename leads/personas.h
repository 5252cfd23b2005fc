// Personas: the stated age and first name an adult-services advert gives,
// read with a few local rules so that leads need not depend on the
// extractors module. "Several names or ages under one phone" is a
// cross-advert sign (INDICATORS.md; Ibanez & Suthers 2014).
//
// Rules: an age is "Age 22", "age: 22", "22 years" or "Name, 22" in the
// title (18-99 only). A name is the capitalised word after "I am", "I'm",
// "my name is", "ask for" or "book", else the title's first word when a
// comma, colon or dash follows it ("Jasmine, Age 22 - ...").
// A free function over values: safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

struct Persona {
  int age = 0;       // 0 = none stated
  std::string name;  // "" = none found
};

Persona FindPersona(std::string_view title, std::string_view text);

}  // namespace plainsight
