// Reads plainsight.toml into a Config. Every check happens here, up front,
// so that a bad key stops the run before any network traffic, naming
// file:line.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>
#include <re2/re2.h>
#include <toml++/toml.h>

#include "core/config.h"
#include "core/strings.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

// Collects the first error; later checks are skipped once one is found.
class ConfigReader {
 public:
  ConfigReader(std::string source, std::string base_dir)
      : source_(std::move(source)), base_dir_(std::move(base_dir)) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  void Fail(const toml::node* node, const std::string& what) {
    if (failed()) return;
    std::ostringstream out;
    out << source_;
    if (node != nullptr && node->source().begin.line > 0) out << ':' << node->source().begin.line;
    out << ": " << what;
    error_ = out.str();
  }

  // Rejects keys not in `known`, so a typo ("concurency") is an error rather
  // than a silently ignored setting.
  void CheckKeys(const toml::table& table, const std::string& where,
                 const std::set<std::string>& known) {
    for (const auto& [key, node] : table) {
      if (known.count(std::string(key.str())) == 0) {
        Fail(&node, "unknown key '" + std::string(key.str()) + "'" +
                        (where.empty() ? "" : " in [" + where + "]"));
        return;
      }
    }
  }

  void ReadString(const toml::table& table, const char* key, const std::string& where,
                  std::string* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    if (!node->is_string()) return Fail(node, where + "." + key + " must be a string");
    *out = **node->as_string();
  }

  void ReadBool(const toml::table& table, const char* key, const std::string& where, bool* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    if (!node->is_boolean()) return Fail(node, where + "." + key + " must be true or false");
    *out = **node->as_boolean();
  }

  template <typename Int>
  void ReadInt(const toml::table& table, const char* key, const std::string& where,
               std::int64_t min, std::int64_t max, Int* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    if (!node->is_integer()) return Fail(node, where + "." + key + " must be an integer");
    std::int64_t value = **node->as_integer();
    if (value < min || value > max) {
      return Fail(node, where + "." + key + " must be between " + std::to_string(min) + " and " +
                            std::to_string(max) + ", got " + std::to_string(value));
    }
    *out = static_cast<Int>(value);
  }

  void ReadDouble(const toml::table& table, const char* key, const std::string& where,
                  double* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    if (node->is_integer()) {
      *out = static_cast<double>(**node->as_integer());
    } else if (node->is_floating_point()) {
      *out = **node->as_floating_point();
    } else {
      return Fail(node, where + "." + key + " must be a number");
    }
    if (*out < 0) Fail(node, where + "." + key + " must not be negative");
  }

  void ReadStringArray(const toml::table& table, const char* key, const std::string& where,
                       std::vector<std::string>* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr) return Fail(node, where + "." + key + " must be an array of strings");
    out->clear();
    for (const toml::node& item : *array) {
      if (!item.is_string()) return Fail(&item, where + "." + key + " must hold only strings");
      out->push_back(**item.as_string());
    }
  }

  // Patterns are full-URL RE2s; a bad one is a config error, not a crawl-time
  // surprise.
  void ReadRegexArray(const toml::table& table, const char* key, const std::string& where,
                      std::vector<std::string>* out) {
    ReadStringArray(table, key, where, out);
    if (failed()) return;
    const toml::array* array = table.get(key) != nullptr ? table.get(key)->as_array() : nullptr;
    for (size_t i = 0; i < out->size(); ++i) {
      RE2 re((*out)[i], RE2::Quiet);
      if (!re.ok()) {
        const toml::node* node = array != nullptr ? array->get(i) : nullptr;
        return Fail(node, where + "." + key + ": bad pattern '" + (*out)[i] + "': " + re.error());
      }
    }
  }

  void ReadCrawl(const toml::table& table, const std::string& where, bool is_site,
                 CrawlSettings* crawl) {
    ReadString(table, "user_agent", where, &crawl->user_agent);
    ReadInt(table, "concurrency", where, 1, 1024, &crawl->concurrency);
    ReadInt(table, "per_host_delay_ms", where, 0, 3600000, &crawl->per_host_delay_ms);
    ReadInt(table, "per_host_connections", where, 1, 64, &crawl->per_host_connections);
    ReadInt(table, "timeout_ms", where, 100, 3600000, &crawl->timeout_ms);
    ReadInt(table, "max_body_bytes", where, 1024, std::int64_t{1} << 34, &crawl->max_body_bytes);
    ReadInt(table, "max_pages", where, 0, std::int64_t{1} << 31, &crawl->max_pages);
    ReadBool(table, "respect_robots", where, &crawl->respect_robots);
    ReadBool(table, "allow_private_addresses", where, &crawl->allow_private_addresses);
    ReadInt(table, "max_retries", where, 0, 20, &crawl->max_retries);
    ReadInt(table, "host_error_budget", where, 1, 1000000, &crawl->host_error_budget);
    ReadInt(table, "max_crawl_delay_ms", where, 0, 3600000, &crawl->max_crawl_delay_ms);
    ReadInt(table, "max_url_length", where, 64, 65536, &crawl->max_url_length);
    ReadInt(table, "max_pages_per_host", where, 0, std::int64_t{1} << 31, &crawl->max_pages_per_host);
    ReadInt(table, "max_barren_listing_pages", where, 1, 1000000, &crawl->max_barren_listing_pages);
    ReadStringArray(table, "strip_params", where, &crawl->strip_params);
    ReadString(table, "proxy", where, &crawl->proxy);
    ReadStringArray(table, "headers", where, &crawl->headers);
    for (const std::string& header : crawl->headers) {
      if (header.find(':') == std::string::npos || header.find_first_of("\r\n") != std::string::npos) {
        std::string what = where + ".headers: '";
        what += header;
        what += "' is not \"Name: value\"";
        Fail(table.get("headers"), what);
        break;
      }
    }
    ReadString(table, "cookies", where, &crawl->cookies);
    (void)is_site;
  }

  std::string Resolve(const std::string& path) const {
    // Absolute, so a config handed to another process (demo, systemd) still
    // points at the same files whatever its working directory.
    fs::path p(path);
    if (!p.is_absolute()) p = fs::path(base_dir_) / p;
    std::error_code ec;
    fs::path absolute = fs::absolute(p, ec);
    return (ec ? p : absolute).lexically_normal().string();
  }

 private:
  std::string source_;
  std::string base_dir_;
  std::string error_;
};

const std::set<std::string> kCrawlKeys = {
    "user_agent",         "concurrency",        "per_host_delay_ms",       "per_host_connections",
    "timeout_ms",         "max_body_bytes",     "max_pages",               "respect_robots",
    "allow_private_addresses", "max_retries",   "host_error_budget",       "max_crawl_delay_ms",
    "max_url_length",     "max_pages_per_host", "max_barren_listing_pages", "strip_params",
    "proxy",              "headers",            "cookies"};

// "GB", "US": a phone numbering region, not a place name (places are
// written in mixed case or are longer).
bool IsRegionCode(const std::string& value) {
  return value.size() == 2 && IsAsciiUpper(value[0]) && IsAsciiUpper(value[1]);
}

bool IsCurrencyCode(const std::string& value) {
  return value.size() == 3 && std::all_of(value.begin(), value.end(), IsAsciiUpper);
}

bool IsValidSiteName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsAsciiLower(c) && !IsAsciiDigit(c) && c != '-') return false;
  }
  return true;
}

void ReadSite(ConfigReader& reader, const toml::table& table, const Config& config,
              SiteConfig* site) {
  std::set<std::string> known = kCrawlKeys;
  known.insert({"name", "kind", "seeds", "follow", "adverts", "max_depth", "region", "fields",
                "currency", "sitemaps", "recrawl_after_hours"});
  reader.CheckKeys(table, "sites", known);
  reader.ReadString(table, "name", "sites", &site->name);
  std::string where = "sites." + (site->name.empty() ? std::string("?") : site->name);
  if (!reader.failed() && !IsValidSiteName(site->name)) {
    const toml::node* node = table.get("name");
    reader.Fail(node != nullptr ? node : &table,
                node == nullptr ? "a site needs a name"
                                : "site name '" + site->name + "' must match [a-z0-9-]+");
  }
  reader.ReadString(table, "kind", where, &site->kind);
  if (!reader.failed() && site->kind != "jobs" && site->kind != "adult") {
    const toml::node* node = table.get("kind");
    reader.Fail(node != nullptr ? node : &table,
                where + ".kind must be \"jobs\" or \"adult\"" +
                    (site->kind.empty() ? "" : ", got \"" + site->kind + "\""));
  }
  reader.ReadStringArray(table, "seeds", where, &site->seeds);
  reader.ReadRegexArray(table, "follow", where, &site->follow);
  reader.ReadRegexArray(table, "adverts", where, &site->adverts);
  site->line = static_cast<int>(table.source().begin.line);
  if (!reader.failed() && site->seeds.empty()) reader.Fail(&table, where + " has no seeds");
  if (!reader.failed() && site->adverts.empty())
    reader.Fail(&table, where + " has no adverts patterns");
  reader.ReadInt(table, "max_depth", where, 0, 100000, &site->max_depth);
  reader.ReadString(table, "region", where, &site->region);
  if (IsRegionCode(site->region)) site->phone_region = std::exchange(site->region, {});
  reader.ReadString(table, "currency", where, &site->currency);
  if (!reader.failed() && !IsCurrencyCode(site->currency)) {
    reader.Fail(table.get("currency"),
                where + ".currency must be an ISO 4217 code such as \"GBP\" or \"EUR\", got \"" +
                    site->currency + "\"");
  }
  reader.ReadBool(table, "sitemaps", where, &site->sitemaps);
  reader.ReadInt(table, "recrawl_after_hours", where, 0, 100000, &site->recrawl_after_hours);
  site->crawl = config.crawl;
  reader.ReadCrawl(table, where, true, &site->crawl);
  if (const toml::node* fields = table.get("fields")) {
    const toml::table* fields_table = fields->as_table();
    if (fields_table == nullptr) return reader.Fail(fields, where + ".fields must be a table");
    reader.CheckKeys(*fields_table, where + ".fields",
                     {"title", "body", "location", "posted", "salary", "company", "contact"});
    reader.ReadString(*fields_table, "title", where + ".fields", &site->fields.title);
    reader.ReadString(*fields_table, "body", where + ".fields", &site->fields.body);
    reader.ReadString(*fields_table, "location", where + ".fields", &site->fields.location);
    reader.ReadString(*fields_table, "posted", where + ".fields", &site->fields.posted);
    reader.ReadString(*fields_table, "salary", where + ".fields", &site->fields.salary);
    reader.ReadString(*fields_table, "company", where + ".fields", &site->fields.company);
    reader.ReadString(*fields_table, "contact", where + ".fields", &site->fields.contact);
  }
}

void ReadLeads(ConfigReader& reader, const toml::table& table, LeadSettings* leads) {
  reader.CheckKeys(table, "leads",
                   {"min_score", "single_advert_min_score", "boilerplate_share",
                    "boilerplate_min_adverts", "hub_max_adverts", "hub_multi_site_adverts",
                    "hub_min_sites", "max_lead_adverts", "weight_shared_phone",
                    "weight_shared_email", "weight_shared_postcode", "weight_multi_site",
                    "weight_multi_town", "weight_recruitment_link", "phone_many_adverts",
                    "weight_phone_many_adverts", "weight_many_personas", "movement_days",
                    "weight_movement", "posting_rate_per_day", "weight_posting_rate",
                    "consecutive_phone_window", "consecutive_block_max_phones",
                    "weight_consecutive_phones", "near_duplicate_threshold", "weight_template",
                    "template_rotating_phones", "weight_template_rotating_phones",
                    "jobs_at_address_min", "weight_jobs_at_address", "removal_days",
                    "weight_quick_removal", "weight_combination", "no_risk_max_points",
                    "template_common_share", "template_common_min_writers"});
  const std::string where = "leads";
  reader.ReadDouble(table, "min_score", where, &leads->min_score);
  reader.ReadDouble(table, "single_advert_min_score", where, &leads->single_advert_min_score);
  reader.ReadDouble(table, "boilerplate_share", where, &leads->boilerplate_share);
  reader.ReadInt(table, "boilerplate_min_adverts", where, 1, 1000000,
                 &leads->boilerplate_min_adverts);
  reader.ReadInt(table, "hub_max_adverts", where, 2, 100000000, &leads->hub_max_adverts);
  reader.ReadInt(table, "hub_multi_site_adverts", where, 2, 100000000,
                 &leads->hub_multi_site_adverts);
  reader.ReadInt(table, "hub_min_sites", where, 2, 100000, &leads->hub_min_sites);
  reader.ReadInt(table, "max_lead_adverts", where, 2, 100000000, &leads->max_lead_adverts);
  reader.ReadDouble(table, "weight_shared_phone", where, &leads->weight_shared_phone);
  reader.ReadDouble(table, "weight_shared_email", where, &leads->weight_shared_email);
  reader.ReadDouble(table, "weight_shared_postcode", where, &leads->weight_shared_postcode);
  reader.ReadDouble(table, "weight_multi_site", where, &leads->weight_multi_site);
  reader.ReadDouble(table, "weight_multi_town", where, &leads->weight_multi_town);
  reader.ReadDouble(table, "weight_recruitment_link", where, &leads->weight_recruitment_link);
  reader.ReadInt(table, "phone_many_adverts", where, 2, 1000000, &leads->phone_many_adverts);
  reader.ReadDouble(table, "weight_phone_many_adverts", where, &leads->weight_phone_many_adverts);
  reader.ReadDouble(table, "weight_many_personas", where, &leads->weight_many_personas);
  reader.ReadInt(table, "movement_days", where, 1, 3650, &leads->movement_days);
  reader.ReadDouble(table, "weight_movement", where, &leads->weight_movement);
  reader.ReadDouble(table, "posting_rate_per_day", where, &leads->posting_rate_per_day);
  reader.ReadDouble(table, "weight_posting_rate", where, &leads->weight_posting_rate);
  reader.ReadInt(table, "consecutive_phone_window", where, 0, 999,
                 &leads->consecutive_phone_window);
  reader.ReadInt(table, "consecutive_block_max_phones", where, 2, 1000,
                 &leads->consecutive_block_max_phones);
  reader.ReadDouble(table, "weight_consecutive_phones", where, &leads->weight_consecutive_phones);
  reader.ReadDouble(table, "near_duplicate_threshold", where, &leads->near_duplicate_threshold);
  if (!reader.failed() && leads->near_duplicate_threshold > 1.0) {
    reader.Fail(table.get("near_duplicate_threshold"),
                "leads.near_duplicate_threshold must be at most 1");
  }
  reader.ReadDouble(table, "weight_template", where, &leads->weight_template);
  reader.ReadInt(table, "template_rotating_phones", where, 2, 1000000,
                 &leads->template_rotating_phones);
  reader.ReadDouble(table, "weight_template_rotating_phones", where,
                    &leads->weight_template_rotating_phones);
  reader.ReadInt(table, "jobs_at_address_min", where, 2, 1000000, &leads->jobs_at_address_min);
  reader.ReadDouble(table, "weight_jobs_at_address", where, &leads->weight_jobs_at_address);
  reader.ReadInt(table, "removal_days", where, 0, 3650, &leads->removal_days);
  reader.ReadDouble(table, "weight_quick_removal", where, &leads->weight_quick_removal);
  reader.ReadDouble(table, "weight_combination", where, &leads->weight_combination);
  reader.ReadDouble(table, "no_risk_max_points", where, &leads->no_risk_max_points);
  reader.ReadDouble(table, "template_common_share", where, &leads->template_common_share);
  if (!reader.failed() && leads->template_common_share > 1.0) {
    reader.Fail(table.get("template_common_share"),
                "leads.template_common_share must be at most 1");
  }
  reader.ReadInt(table, "template_common_min_writers", where, 2, 1000000,
                 &leads->template_common_min_writers);
}

}  // namespace

const SiteConfig* Config::FindSite(const std::string& name) const {
  for (const SiteConfig& site : sites) {
    if (site.name == name) return &site;
  }
  return nullptr;
}

Result<Config> ParseConfig(const std::string& text, const std::string& source_name,
                           const std::string& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& error) {
    return Status::InvalidArgument(source_name + ":" +
                                   std::to_string(error.source().begin.line) + ": " +
                                   std::string(error.description()));
  }
  Config config;
  config.source_path = source_name;
  ConfigReader reader(source_name, base_dir);
  reader.CheckKeys(root, "", {"store", "crawl", "patterns", "sites", "leads", "region", "gazetteer"});

  reader.ReadString(root, "region", "", &config.default_region);
  std::string gazetteer = "gazetteer.tsv";
  reader.ReadString(root, "gazetteer", "", &gazetteer);
  config.gazetteer_path = reader.Resolve(gazetteer);
  if (const toml::node* store = root.get("store")) {
    if (const toml::table* table = store->as_table()) {
      reader.CheckKeys(*table, "store", {"path", "retention_days", "warc", "warc_max_file_mb"});
      reader.ReadString(*table, "path", "store", &config.store.path);
      reader.ReadInt(*table, "retention_days", "store", 1, 100000, &config.store.retention_days);
      reader.ReadBool(*table, "warc", "store", &config.store.warc);
      reader.ReadInt(*table, "warc_max_file_mb", "store", 1, 1 << 20, &config.store.warc_max_file_mb);
    } else {
      reader.Fail(store, "[store] must be a table");
    }
  }
  config.store.path = reader.Resolve(config.store.path);

  if (const toml::node* crawl = root.get("crawl")) {
    if (const toml::table* table = crawl->as_table()) {
      reader.CheckKeys(*table, "crawl", kCrawlKeys);
      reader.ReadCrawl(*table, "crawl", false, &config.crawl);
    } else {
      reader.Fail(crawl, "[crawl] must be a table");
    }
  }

  if (const toml::node* leads = root.get("leads")) {
    if (const toml::table* table = leads->as_table()) {
      ReadLeads(reader, *table, &config.leads);
    } else {
      reader.Fail(leads, "[leads] must be a table");
    }
  }

  if (const toml::node* packs = root.get("patterns")) {
    const toml::array* array = packs->as_array();
    if (array == nullptr) {
      reader.Fail(packs, "patterns must be an array of tables ([[patterns]])");
    } else {
      for (const toml::node& item : *array) {
        const toml::table* table = item.as_table();
        if (table == nullptr) {
          reader.Fail(&item, "each [[patterns]] entry must be a table");
          break;
        }
        reader.CheckKeys(*table, "patterns", {"path"});
        std::string path;
        reader.ReadString(*table, "path", "patterns", &path);
        if (!reader.failed() && path.empty()) reader.Fail(&item, "[[patterns]] needs a path");
        if (reader.failed()) break;
        config.pattern_paths.push_back(reader.Resolve(path));
      }
    }
  }

  if (const toml::node* sites = root.get("sites")) {
    const toml::array* array = sites->as_array();
    if (array == nullptr) {
      reader.Fail(sites, "sites must be an array of tables ([[sites]])");
    } else {
      std::set<std::string> names;
      for (const toml::node& item : *array) {
        const toml::table* table = item.as_table();
        if (table == nullptr) {
          reader.Fail(&item, "each [[sites]] entry must be a table");
          break;
        }
        SiteConfig site;
        ReadSite(reader, *table, config, &site);
        if (reader.failed()) break;
        if (!names.insert(site.name).second) {
          reader.Fail(table->get("name"), "duplicate site name '" + site.name + "'");
          break;
        }
        config.sites.push_back(std::move(site));
      }
    }
  }
  if (reader.failed()) return Status::InvalidArgument(reader.error());
  return config;
}

Result<Config> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument(path + ": cannot read config file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string base_dir = fs::path(path).parent_path().string();
  return ParseConfig(buffer.str(), path, base_dir);
}

}  // namespace plainsight
