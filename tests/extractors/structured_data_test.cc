// Structured data: schema.org items from JSON-LD and microdata.
#include "extractors/structured_data.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "extractors/html_page.h"

namespace plainsight {
namespace {

// "key=value; ..." for the non-empty fields, in declaration order.
std::string Describe(const StructuredAdvert& a) {
  std::string out;
  auto add = [&out](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += "; ";
    out += std::string(key) + "=" + value;
  };
  auto number = [](const std::optional<double>& value) {
    if (!value) return std::string();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", *value);
    return std::string(buffer);
  };
  add("type", a.type);
  add("title", a.title);
  add("description", a.description);
  add("date_posted", a.date_posted);
  add("hiring_organization", a.hiring_organization);
  add("street_address", a.street_address);
  add("locality", a.locality);
  add("region", a.region);
  add("postal_code", a.postal_code);
  add("salary_text", a.salary_text);
  add("salary_value", number(a.salary_value));
  add("salary_min", number(a.salary_min));
  add("salary_max", number(a.salary_max));
  add("salary_unit", a.salary_unit);
  add("telephone", a.telephone);
  add("email", a.email);
  return out;
}

std::string DescribeAll(const std::vector<StructuredAdvert>& adverts) {
  std::string out;
  for (const StructuredAdvert& advert : adverts) {
    if (!out.empty()) out += "\n";
    out += Describe(advert);
  }
  return out;
}

std::string InScript(const std::string& json) {
  return "<html><head><script type=\"application/ld+json\">" + json +
         "</script></head><body><p>Advert</p></body></html>";
}

TEST_CASE("StructuredData_JsonLd_JobPostingShapes", "[structured_data]") {
  static const struct {
    const char* rule;
    const char* json;
    const char* items;
  } kCases[] = {
      {"plain JobPosting, MonetaryAmount with QuantitativeValue, Place with PostalAddress",
       R"({"@context":"https://schema.org","@type":"JobPosting","title":"Warehouse Operative",
           "description":"Packing","datePosted":"2026-11-01",
           "hiringOrganization":{"@type":"Organization","name":"Example Staffing Ltd",
                                 "telephone":"07700 900123"},
           "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress",
               "streetAddress":"1 High Street","addressLocality":"Northampton",
               "addressRegion":"Northamptonshire","postalCode":"NN1 1AA"}},
           "baseSalary":{"@type":"MonetaryAmount","currency":"GBP",
               "value":{"@type":"QuantitativeValue","value":8.5,"unitText":"HOUR"}}})",
       "type=JobPosting; title=Warehouse Operative; description=Packing; date_posted=2026-11-01; "
       "hiring_organization=Example Staffing Ltd; street_address=1 High Street; "
       "locality=Northampton; region=Northamptonshire; postal_code=NN1 1AA; "
       "salary_text=8.50 GBP per HOUR; salary_value=8.5; salary_unit=HOUR; "
       "telephone=07700 900123"},
      {"@graph with an @id reference and a min/max range",
       R"({"@context":"https://schema.org","@graph":[
           {"@type":"Organization","@id":"#org","name":"Example Farms"},
           {"@type":"JobPosting","title":"Picker","hiringOrganization":{"@id":"#org"},
            "baseSalary":{"@type":"MonetaryAmount","currency":"GBP",
              "value":{"@type":"QuantitativeValue","minValue":"9.00","maxValue":11,
                       "unitText":"HOUR"}}}]})",
       "type=JobPosting; title=Picker; hiring_organization=Example Farms; "
       "salary_text=9-11 GBP per HOUR; salary_min=9; salary_max=11; salary_unit=HOUR"},
      {"top-level array, only advert types kept, @type as an array",
       R"([{"@type":"WebSite","name":"Example"},
           {"@type":["Person"],"name":"Anna","telephone":"tel:+447700900456",
            "email":"mailto:anna@example.org","address":"Leeds"}])",
       "type=Person; title=Anna; street_address=Leeds; telephone=+447700900456; "
       "email=anna@example.org"},
      {"Service with an Offer and unit text",
       R"({"@type":"Service","name":"Relaxing massage","provider":{"@type":"Person","name":"Bella"},
           "offers":{"@type":"Offer","price":"60","priceCurrency":"GBP",
                     "priceSpecification":{"@type":"UnitPriceSpecification","unitText":"hour"}}})",
       "type=Service; title=Relaxing massage; hiring_organization=Bella; "
       "salary_text=60 GBP per HOUR; salary_value=60; salary_unit=HOUR"},
      {"full schema.org URL types, yearly salary as a bare number, location array",
       R"({"@type":"http://schema.org/JobPosting","title":"Driver","baseSalary":24000,
           "jobLocation":[{"@type":"Place","address":{"postalCode":"NN2 6AA"}}],
           "hiringOrganization":"Example Haulage"})",
       "type=JobPosting; title=Driver; hiring_organization=Example Haulage; "
       "postal_code=NN2 6AA; salary_text=24000; salary_value=24000"},
      {"salary unit codes and contact point",
       R"({"@type":"JobPosting","title":"Cleaner",
           "baseSalary":{"currency":"GBP","value":{"value":"£450","unitCode":"WEE"}},
           "hiringOrganization":{"name":"Example Cleaning",
               "contactPoint":{"email":"jobs@example.com"}}})",
       "type=JobPosting; title=Cleaner; hiring_organization=Example Cleaning; "
       "salary_text=450 GBP per WEEK; salary_value=450; salary_unit=WEEK; "
       "email=jobs@example.com"},
      {"wrapped in a comment, raw line break inside a string",
       "<!--\n{\"@type\":\"JobPosting\",\"title\":\"Line\none\"}\n-->", "type=JobPosting; title=Line one"},
      {"HTML description reduced to words",
       R"({"@type":"JobPosting","title":"Packer",
           "description":"<p>Shifts available.</p><p>Accommodation provided &amp; <b>transport</b></p>"})",
       "type=JobPosting; title=Packer; description=Shifts available. Accommodation provided & "
       "transport"},
      {"broken JSON ignored", R"({"@type":"JobPosting","title":)", ""},
      {"not JSON at all", "var x = 1;", ""},
      {"non-advert types ignored", R"({"@type":"BreadcrumbList","name":"x"})", ""},
      {"wrong value types ignored", R"({"@type":"JobPosting","title":{"x":1},"baseSalary":[],
           "jobLocation":7,"hiringOrganization":null})",
       "type=JobPosting"},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    std::vector<StructuredAdvert> direct;
    AppendJsonLdItems(c.json, &direct);
    CHECK(DescribeAll(direct) == c.items);
    CHECK(DescribeAll(ParseHtml(InScript(c.json)).structured) == c.items);
  }
}

TEST_CASE("StructuredData_JsonLd_DeeplyNestedJsonDoesNotCrash", "[structured_data]") {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::vector<StructuredAdvert> items;
  AppendJsonLdItems(deep, &items);
  CHECK(items.empty());
  std::string unclosed = "{\"@type\":\"JobPosting\",\"x\":" + std::string(100000, '{');
  AppendJsonLdItems(unclosed, &items);
  CHECK(items.empty());
}

TEST_CASE("StructuredData_JsonLd_OnlyLdJsonScriptsRead", "[structured_data]") {
  const char* item = R"({"@type":"JobPosting","title":"Packer"})";
  static const struct {
    const char* type_attribute;
    bool read;
  } kCases[] = {
      {"application/ld+json", true},
      {" Application/LD+JSON ", true},
      {"text/javascript", false},
      {"application/json", false},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.type_attribute);
    std::string html = std::string("<script type=\"") + c.type_attribute + "\">" + item + "</script>";
    CHECK(ParseHtml(html).structured.size() == (c.read ? 1u : 0u));
  }
}

TEST_CASE("StructuredData_Microdata_JobPostingAndPerson", "[structured_data]") {
  static const struct {
    const char* rule;
    const char* html;
    const char* items;
  } kCases[] = {
      {"JobPosting with nested items",
       R"(<div itemscope itemtype="https://schema.org/JobPosting">
            <h2 itemprop="title">Care Assistant</h2>
            <time itemprop="datePosted" datetime="2026-11-02">2 Nov</time>
            <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
              <span itemprop="name">Example Care</span></div>
            <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
              <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
                <span itemprop="addressLocality">Corby</span>
                <span itemprop="postalCode">NN17 1AA</span></div></div>
            <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
              <meta itemprop="currency" content="GBP">
              <span itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
                <span itemprop="value">10.42</span><meta itemprop="unitText" content="HOUR">
              </span></div>
            <p itemprop="description">Shifts   <b>available</b></p>
          </div>)",
       "type=JobPosting; title=Care Assistant; description=Shifts available; "
       "date_posted=2026-11-02; hiring_organization=Example Care; locality=Corby; "
       "postal_code=NN17 1AA; salary_text=10.42 GBP per HOUR; salary_value=10.42; "
       "salary_unit=HOUR"},
      {"Person with links as property values",
       R"(<article itemscope itemtype="http://schema.org/Person">
            <h1 itemprop="name">Bella</h1>
            <a itemprop="telephone" href="tel:07700900789">Call</a>
            <a itemprop="email" href="mailto:bella@example.org">Email</a></article>)",
       "type=Person; title=Bella; telephone=07700900789; email=bella@example.org"},
      {"two items, other types skipped",
       R"(<div itemscope itemtype="https://schema.org/BreadcrumbList"><span itemprop="name">x</span></div>
          <div itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">A</span></div>
          <div itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">B</span></div>)",
       "type=JobPosting; title=A\ntype=JobPosting; title=B"},
      {"itemprop outside any item ignored", R"(<span itemprop="title">Loose</span>)", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.rule);
    CHECK(DescribeAll(ParseHtml(c.html).structured) == c.items);
  }
}

TEST_CASE("StructuredData_Order_JsonLdThenMicrodata", "[structured_data]") {
  std::string html =
      R"(<div itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">Micro</span></div>)" +
      InScript(R"({"@type":"JobPosting","title":"Linked"})");
  CHECK(DescribeAll(ParseHtml(html).structured) ==
        "type=JobPosting; title=Linked\ntype=JobPosting; title=Micro");
}

}  // namespace
}  // namespace plainsight
