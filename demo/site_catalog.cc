#include "demo/site_catalog.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "core/toml_text.h"

namespace plainsight::demo {

namespace {

namespace fs = std::filesystem;

// Names become folder names, so nothing that could leave the data directory.
bool ValidName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string Where(const std::string& source, const toml::node& node) {
  return source + ":" + std::to_string(node.source().begin.line);
}

Status ReadString(const toml::table& table, const char* key, const std::string& where, bool required,
                  std::string* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return required ? Status::InvalidArgument(where + ": missing " + key) : Status::OK();
  }
  const auto value = node->value<std::string>();
  if (!value) return Status::InvalidArgument(where + ": " + key + " must be a string");
  *out = *value;
  return Status::OK();
}

Status ReadStrings(const toml::table& table, const char* key, const std::string& where,
                   std::vector<std::string>* out) {
  const toml::node* node = table.get(key);
  const toml::array* array = node != nullptr ? node->as_array() : nullptr;
  if (array == nullptr) return Status::InvalidArgument(where + ": " + key + " must be an array of strings");
  for (const toml::node& item : *array) {
    const auto value = item.value<std::string>();
    if (!value) return Status::InvalidArgument(where + ": " + key + " must be an array of strings");
    out->push_back(*value);
  }
  return Status::OK();
}

Result<DemoSite> ReadSite(const toml::table& table, const std::string& where) {
  DemoSite site;
  for (Status s : {ReadString(table, "name", where, true, &site.name),
                   ReadString(table, "kind", where, true, &site.kind),
                   ReadString(table, "charset", where, true, &site.charset),
                   ReadString(table, "region", where, false, &site.region),
                   ReadStrings(table, "seeds", where, &site.seeds),
                   ReadStrings(table, "follow", where, &site.follow),
                   ReadStrings(table, "adverts", where, &site.adverts)}) {
    if (!s.ok()) return s;
  }
  if (!ValidName(site.name)) {
    return Status::InvalidArgument(where + ": name \"" + site.name + "\" must be [a-z0-9-]+");
  }
  if (const toml::node* depth = table.get("max_depth")) {
    const auto value = depth->value<int>();
    if (!value || *value < 0) return Status::InvalidArgument(where + ": max_depth must be a whole number >= 0");
    site.max_depth = *value;
  }
  if (const toml::node* node = table.get("fields")) {
    const toml::table* fields = node->as_table();
    if (fields == nullptr) return Status::InvalidArgument(where + ": fields must be a table");
    DemoFieldSelectors& f = site.fields;
    for (Status s : {ReadString(*fields, "title", where, false, &f.title),
                     ReadString(*fields, "body", where, false, &f.body),
                     ReadString(*fields, "location", where, false, &f.location),
                     ReadString(*fields, "posted", where, false, &f.posted)}) {
      if (!s.ok()) return s;
    }
  }
  return site;
}

}  // namespace

std::string FieldsTableToml(const DemoFieldSelectors& fields) {
  if (fields.empty()) return "";
  std::string out = "  [sites.fields]\n";
  const auto line = [&out](const char* key, const std::string& selector) {
    if (!selector.empty()) out += std::string("  ") + key + " = " + TomlString(selector) + "\n";
  };
  line("title", fields.title);
  line("body", fields.body);
  line("location", fields.location);
  line("posted", fields.posted);
  return out;
}

std::string SiteCatalogToml(const std::vector<DemoSite>& sites) {
  std::string out =
      "# The demo sites for `plainsight demo`, in crawl order (see demo/site_catalog.h).\n"
      "# Each site's pages are in the folder of its name.\n";
  for (const DemoSite& site : sites) {
    out += "\n[[sites]]\n";
    out += "name = " + TomlString(site.name) + "\n";
    out += "kind = " + TomlString(site.kind) + "\n";
    out += "charset = " + TomlString(site.charset) + "\n";
    out += "seeds = " + TomlStrings(site.seeds) + "\n";
    out += "follow = " + TomlRegexes(site.follow) + "\n";
    out += "adverts = " + TomlRegexes(site.adverts) + "\n";
    out += "max_depth = " + std::to_string(site.max_depth) + "\n";
    out += "region = " + TomlString(site.region) + "\n";
    out += FieldsTableToml(site.fields);
  }
  return out;
}

Result<std::vector<DemoSite>> ParseSiteCatalog(std::string_view toml_text, const std::string& source_name) {
  toml::table root;
  // toml++ reports syntax errors by throwing; they become a Status here.
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& error) {
    return Status::InvalidArgument(source_name + ":" + std::to_string(error.source().begin.line) + ": " +
                                   std::string(error.description()));
  }
  const toml::node* sites_node = root.get("sites");
  const toml::array* sites = sites_node != nullptr ? sites_node->as_array() : nullptr;
  if (sites == nullptr || sites->empty()) {
    return Status::InvalidArgument(source_name + ": no [[sites]] tables");
  }
  std::vector<DemoSite> out;
  for (const toml::node& node : *sites) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return Status::InvalidArgument(Where(source_name, node) + ": sites must be tables");
    Result<DemoSite> site = ReadSite(*table, Where(source_name, node));
    if (!site.ok()) return site.status();
    for (const DemoSite& earlier : out) {
      if (earlier.name == site->name) {
        return Status::InvalidArgument(Where(source_name, node) + ": site \"" + site->name + "\" twice");
      }
    }
    out.push_back(std::move(site).value());
  }
  return out;
}

Result<std::vector<DemoSite>> LoadSiteCatalog(const std::string& data_dir) {
  const fs::path path = fs::path(data_dir) / kSiteCatalogFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path.string() + ": no demo site catalogue there");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(path.string() + ": cannot read");
  return ParseSiteCatalog(text.str(), path.string());
}

}  // namespace plainsight::demo
