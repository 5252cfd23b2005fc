// ContactScan: finds every phone number and e-mail address a page shows,
// however it is written, so farm2's self-test can prove that the farm
// never prints a real-looking number or address: UK numbers in digits
// (spaces, dashes, brackets, +44, +44 (0)), numbers spelled in words
// ("zero seven seven ..."), plain e-mails and spelled ones ("anna at
// example dot org"). Deliberately greedy: anything that might be a
// contact is reported, for the test to judge.
#pragma once

#include <string>
#include <vector>

namespace plainsight::farm2 {

// The visible text of an HTML page: tags dropped, the few entities farm2
// writes decoded, whitespace runs collapsed to one space.
std::string PageText(const std::string& html);

// Every run that looks like a phone number, as national digits
// ("07700900123"); runs of 10+ digits that are not valid UK numbers are
// returned as their raw digits so the caller sees them too.
std::vector<std::string> ScanPhones(const std::string& text);

// Every e-mail address, plain or spelled out, as "local@domain".
std::vector<std::string> ScanEmails(const std::string& text);

// True for example.org, example.com and their subdomains.
bool IsExampleDomain(const std::string& email);

}  // namespace plainsight::farm2
