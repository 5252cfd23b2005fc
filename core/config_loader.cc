// Reads plainsight.toml into a Config. Every check happens here, up front,
// so that a bad key stops the run before any network traffic, naming
// file:line.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <type_traits>
#include <utility>
#include <variant>
#include <re2/re2.h>
#include <toml++/toml.h>

#include "core/config.h"
#include "core/redis_url.h"
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

  template <typename Settings>
  void ReadKey(const toml::table& table, const SettingKey<Settings>& key,
               const std::string& where, std::string* out) {
    ReadString(table, key.name, where, out);
  }
  template <typename Settings>
  void ReadKey(const toml::table& table, const SettingKey<Settings>& key,
               const std::string& where, bool* out) {
    ReadBool(table, key.name, where, out);
  }
  template <typename Settings, typename Int,
            typename = std::enable_if_t<std::is_same_v<Int, int> || std::is_same_v<Int, std::int64_t>>>
  void ReadKey(const toml::table& table, const SettingKey<Settings>& key,
               const std::string& where, Int* out) {
    ReadInt(table, key.name, where, static_cast<std::int64_t>(key.min),
            static_cast<std::int64_t>(key.max), out);
  }
  template <typename Settings>
  void ReadKey(const toml::table& table, const SettingKey<Settings>& key,
               const std::string& where, double* out) {
    ReadDouble(table, key.name, where, out);
    const toml::node* node = table.get(key.name);
    if (failed() || node == nullptr) return;
    if (*out < key.min) {
      Fail(node, where + "." + key.name + " must be at least " + FormatNumber(key.min));
    } else if (*out > key.max) {
      Fail(node, where + "." + key.name + " must be at most " + FormatNumber(key.max));
    }
  }
  template <typename Settings>
  void ReadKey(const toml::table& table, const SettingKey<Settings>& key,
               const std::string& where, std::vector<std::string>* out) {
    if (key.regex_list) {
      ReadRegexArray(table, key.name, where, out);
    } else {
      ReadStringArray(table, key.name, where, out);
    }
  }

  static std::string FormatNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
  }

  // Reads every key of `keys` present in `table` into `settings`, checking
  // types and ranges; where = "crawl", "leads", "sites.NAME" ...
  template <typename Settings>
  void ReadKeys(const toml::table& table, const std::string& where,
                const SettingKeys<Settings>& keys, Settings* settings) {
    for (const SettingKey<Settings>& key : keys) {
      if (failed()) return;
      std::visit([&](auto member) { ReadKey(table, key, where, &(settings->*member)); },
                 key.member);
    }
  }

  // The names in `keys` plus `extra`, for CheckKeys.
  template <typename Settings>
  static std::set<std::string> KeyNames(const SettingKeys<Settings>& keys,
                                        std::set<std::string> extra = {}) {
    for (const SettingKey<Settings>& key : keys) extra.insert(key.name);
    return extra;
  }

  // The crawl keys' own rule beyond type and range.
  void CheckHeaders(const toml::table& table, const std::string& where,
                    const CrawlSettings& crawl) {
    for (const std::string& header : crawl.headers) {
      if (header.find(':') == std::string::npos || header.find_first_of("\r\n") != std::string::npos) {
        std::string what = where + ".headers: '";
        what += header;
        what += "' is not \"Name: value\"";
        Fail(table.get("headers"), what);
        break;
      }
    }
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
  reader.CheckKeys(table, "sites",
                   ConfigReader::KeyNames(SiteSettingKeys(),
                                          ConfigReader::KeyNames(CrawlSettingKeys(), {"fields"})));
  reader.ReadString(table, "name", "sites", &site->name);
  std::string where = "sites." + (site->name.empty() ? std::string("?") : site->name);
  if (!reader.failed() && !IsValidSiteName(site->name)) {
    const toml::node* node = table.get("name");
    reader.Fail(node != nullptr ? node : &table,
                node == nullptr ? "a site needs a name"
                                : "site name '" + site->name + "' must match [a-z0-9-]+");
  }
  reader.ReadKeys(table, where, SiteSettingKeys(), site);
  if (!reader.failed() && site->kind != "jobs" && site->kind != "adult") {
    const toml::node* node = table.get("kind");
    reader.Fail(node != nullptr ? node : &table,
                where + ".kind must be \"jobs\" or \"adult\"" +
                    (site->kind.empty() ? "" : ", got \"" + site->kind + "\""));
  }
  site->line = static_cast<int>(table.source().begin.line);
  if (!reader.failed() && site->seeds.empty()) reader.Fail(&table, where + " has no seeds");
  if (!reader.failed() && site->adverts.empty())
    reader.Fail(&table, where + " has no adverts patterns");
  if (IsRegionCode(site->region)) site->phone_region = std::exchange(site->region, {});
  if (!reader.failed() && !IsCurrencyCode(site->currency)) {
    reader.Fail(table.get("currency"),
                where + ".currency must be an ISO 4217 code such as \"GBP\" or \"EUR\", got \"" +
                    site->currency + "\"");
  }
  site->crawl = config.crawl;
  reader.ReadKeys(table, where, CrawlSettingKeys(), &site->crawl);
  reader.CheckHeaders(table, where, site->crawl);
  if (const toml::node* fields = table.get("fields")) {
    const toml::table* fields_table = fields->as_table();
    if (fields_table == nullptr) return reader.Fail(fields, where + ".fields must be a table");
    reader.CheckKeys(*fields_table, where + ".fields", ConfigReader::KeyNames(FieldSelectorKeys()));
    reader.ReadKeys(*fields_table, where + ".fields", FieldSelectorKeys(), &site->fields);
  }
}

// Reads a settings table [name] into `settings`, rejecting unknown keys.
template <typename Settings>
void ReadTable(ConfigReader& reader, const toml::table& root, const std::string& name,
               const SettingKeys<Settings>& keys, Settings* settings) {
  const toml::node* node = root.get(name);
  if (node == nullptr) return;
  const toml::table* table = node->as_table();
  if (table == nullptr) return reader.Fail(node, "[" + name + "] must be a table");
  reader.CheckKeys(*table, name, ConfigReader::KeyNames(keys));
  reader.ReadKeys(*table, name, keys, settings);
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
  reader.CheckKeys(root, "", {"store", "crawl", "patterns", "sites", "leads", "places", "cluster",
                              "region", "gazetteer"});

  reader.ReadString(root, "region", "", &config.default_region);
  std::string gazetteer = "gazetteer.tsv";
  reader.ReadString(root, "gazetteer", "", &gazetteer);
  config.gazetteer_path = reader.Resolve(gazetteer);
  ReadTable(reader, root, "store", StoreSettingKeys(), &config.store);
  config.store.path = reader.Resolve(config.store.path);
  ReadTable(reader, root, "crawl", CrawlSettingKeys(), &config.crawl);
  if (const toml::table* crawl = root["crawl"].as_table()) {
    reader.CheckHeaders(*crawl, "crawl", config.crawl);
  }
  ReadTable(reader, root, "leads", LeadSettingKeys(), &config.leads);
  ReadTable(reader, root, "places", PlaceSettingKeys(), &config.places);
  ReadTable(reader, root, "cluster", ClusterSettingKeys(), &config.cluster);
  if (!reader.failed() && root.get("cluster") != nullptr) {
    const toml::node* redis = root["cluster"].as_table()->get("redis");
    Result<RedisUrl> url = ParseRedisUrl(config.cluster.redis);
    if (!url.ok()) reader.Fail(redis != nullptr ? redis : root.get("cluster"), "cluster.redis: " + url.status().message());
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
