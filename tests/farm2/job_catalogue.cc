#include "tests/farm2/job_catalogue.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace plainsight::farm2 {

const std::vector<Sector>& Sectors() {
  static const std::vector<Sector> kSectors = {
      {"warehouse",
       {"Logistics", "Distribution", "Fulfilment", "Freight", "Storage"},
       {"chilled and frozen food", "garden furniture", "car parts", "books and stationery",
        "pet food", "electrical goods", "online fashion", "toys and games", "building materials",
        "health and beauty products", "wine and spirits", "office supplies"},
       {"{company} stores and delivers {specialty} for retailers across the Midlands from our "
        "warehouse in {town}.",
        "Founded in {year}, {company} distributes {specialty} and has {staff} people on site "
        "in {town}.",
        "Our {town} fulfilment centre ships {specialty} to customers all over the UK, and the "
        "team has grown to {staff}.",
        "{company} has handled {specialty} for household names since {year}; our {town} site "
        "runs around the clock.",
        "We are a family-owned business on the outskirts of {town}, specialising in "
        "{specialty}.",
        "From a single unit in {year} to a 200,000 sq ft site in {town} today, {company} moves "
        "{specialty} for some of the best-known brands in Britain."},
       {"{holiday} days holiday plus bank holidays", "a {pension}% matched pension",
        "free on-site parking", "overtime paid at time and a half", "a subsidised canteen",
        "a cycle to work scheme", "an employee assistance programme",
        "a £{bonus} attendance bonus each quarter", "long service awards", "free hot drinks",
        "a staff shop with big discounts", "paid breaks"},
       {{"Warehouse Operative",
         {"picking {specialty} orders with a handheld scanner", "[loading and unloading|unloading and loading] lorries",
          "[checking|verifying] goods in against delivery notes", "wrapping and labelling pallets",
          "keeping aisles clean, tidy and safe", "counting stock for our weekly checks",
          "packing parcels for next-day delivery", "returns processing"},
         {"[a good level of fitness|reasonable fitness|the ability to stay on your feet all shift]", "[attention to detail|a careful eye|accuracy]",
          "previous warehouse experience (helpful but not essential)", "a positive attitude",
          "the ability to work to targets", "good timekeeping"},
         12.80, 14.30, false,
         {"Monday to Friday, 6am-2pm or 2pm-10pm", "4 on 4 off, 6am-6pm",
          "nights, Sunday to Thursday, 10pm-6am", "Monday to Friday, 8am-4.30pm",
          "Tuesday to Saturday, 7am-3.30pm"}},
        {"Forklift Driver",
         {"[loading and unloading|unloading and loading] trailers of {specialty}",
          "moving stock to and from high-level racking", "carrying out daily truck checks",
          "putting away goods-in accurately", "replenishing pick faces",
          "keeping the yard organised"},
         {"a valid counterbalance or reach truck licence", "at least six months' experience",
          "a good safety record", "experience of a warehouse management system"},
         13.60, 15.90, false,
         {"Monday to Friday, 6am-2pm", "4 on 4 off, days", "nights, 10pm-6am",
          "Monday to Thursday, 7am-5.30pm"}},
        {"Warehouse Team Leader",
         {"leading a shift team of {staff} operatives", "planning the day's workload",
          "reporting on productivity and accuracy", "training new starters",
          "running the morning briefing", "investigating stock errors"},
         {"supervisory experience in a warehouse", "[good IT skills|confidence with computers|solid IT skills]", "a calm head",
          "a counterbalance licence (or willing to get one)"},
         28000, 33500, true,
         {"40 hours a week on a rotating shift pattern", "Monday to Friday, 7am-3.30pm"}}}},
      {"care",
       {"Care", "Home Care", "Healthcare", "Care Homes", "Support Services"},
       {"dementia care", "residential care for older people", "supported living",
        "home care visits", "nursing care", "respite breaks", "learning disability support",
        "end of life care"},
       {"{company} provides {specialty} in and around {town}, and has done since {year}.",
        "{company} is a family-run home in {town} offering {specialty}, rated Good by the CQC.",
        "We are a small, friendly provider of {specialty} in {town}; our {staff} carers are at "
        "the heart of everything we do.",
        "{company} supports people across {town} with {specialty}.",
        "Set in large gardens on the edge of {town}, {company} offers {specialty} to 38 "
        "residents.",
        "Started by two nurses in {year}, {company} now delivers {specialty} to more than 200 "
        "people around {town}."},
       {"paid training towards a Level 2 or 3 Diploma in Health and Social Care",
        "a free DBS check", "mileage paid at 45p per mile", "uniform provided",
        "flexible hours to suit you", "a refer-a-friend bonus of £{bonus}",
        "free meals on shift", "a paid induction", "{holiday} days holiday",
        "a Blue Light Card", "paid shadow shifts", "an employee of the month award"},
       {{"Care Assistant",
         {"[supporting|helping] residents with personal care and daily routines",
          "[helping|assisting] residents at mealtimes", "keeping accurate care records",
          "spending time with residents and encouraging activities",
          "[supporting|helping] people living with {specialty}", "[helping|assisting] with moving and handling",
          "getting to know each resident's life story"},
         {"kindness and patience", "[good communication skills|the ability to communicate clearly]", "a willingness to learn",
          "[reliability|a reliable nature|dependability]", "a good sense of humour"},
         12.80, 13.90, false,
         {"days, 8am-8pm, three days a week", "nights, 8pm-8am", "part time, 20-30 hours a week",
          "early and late shifts, alternate weekends"}},
        {"Senior Care Worker",
         {"leading the care team on shift", "administering medication",
          "writing and reviewing care plans", "[supporting|helping] and mentoring care assistants",
          "liaising with GPs and district nurses", "handling calls from families"},
         {"a Level 3 Diploma in Health and Social Care", "experience of medication rounds",
          "confidence leading a team", "good written English for care plans"},
         13.90, 15.40, false,
         {"days, 8am-8pm, four days a week", "long days and nights on a rota"}},
        {"Domiciliary Care Worker",
         {"visiting clients in their own homes", "[helping|assisting] with medication and personal care",
          "[preparing|making] light meals", "providing companionship and a friendly face",
          "shopping and small errands", "reporting changes to the office"},
         {"a full UK driving licence and access to a car", "[reliability|a reliable nature|dependability]", "empathy",
          "a smartphone for our rota app"},
         13.20, 14.60, false,
         {"mornings and evenings, 7am-10am and 4pm-9pm", "flexible hours, weekdays",
          "a set local round, four days a week"}}}},
      {"hospitality",
       {"Hotel", "Kitchen", "Bistro", "Inn", "Coffee House", "Tap Room"},
       {"seasonal British food", "wood-fired pizza", "afternoon teas", "weddings and functions",
        "Sunday roasts", "street food", "fresh fish", "Indian small plates"},
       {"{company} is an independent restaurant in the heart of {town}, known for "
        "{specialty}.",
        "{company} is a 60-bedroom hotel a short walk from {town} station, with a busy "
        "restaurant and a reputation for {specialty}.",
        "A country pub just outside {town}, {company} has served {specialty} since {year}.",
        "{company} is a friendly neighbourhood place in {town} doing {specialty} and proper "
        "coffee.",
        "Opened in {year}, {company} now has {staff} staff and a loyal following for "
        "{specialty}."},
       {"tips shared equally between the team", "free staff meals", "a staff discount",
        "paid breaks", "uniform provided", "{holiday} days holiday", "a birthday day off",
        "a tronc scheme paid monthly", "no split shifts", "free parking",
        "help with your personal licence"},
       {{"Chef de Partie",
         {"[preparing|making] and cooking dishes to our standards", "running your own section",
          "following food safety procedures", "[helping|assisting] with ordering and stock rotation",
          "developing specials around {specialty}", "training commis chefs"},
         {"experience in a busy kitchen", "a Level 2 Food Hygiene certificate",
          "pride in your food", "calm under pressure"},
         14.20, 16.10, false,
         {"45 hours a week, four days on", "five shifts a week including weekends"}},
        {"Kitchen Porter",
         {"washing pots, pans and crockery", "keeping the kitchen clean",
          "receiving deliveries", "[helping|assisting] with basic food preparation",
          "taking the recycling out", "keeping the walk-in fridge in order"},
         {"[reliability|a reliable nature|dependability]", "a good work ethic", "the ability to work evenings"},
         12.75, 13.30, false,
         {"evenings and weekends", "part time, 25 hours a week"}},
        {"Waiting Staff",
         {"welcoming guests and taking orders", "serving food and drinks",
          "setting and clearing tables", "handling payments at the till",
          "recommending dishes and drinks", "[helping|assisting] at private functions"},
         {"a warm and friendly manner", "the ability to work weekends",
          "some table service experience"},
         12.75, 13.20, false,
         {"flexible shifts, evenings and weekends", "part time, 16-24 hours a week"}},
        {"Hotel Receptionist",
         {"[checking|verifying] guests in and out", "[answering|handling|dealing with] phone and e-mail enquiries",
          "taking reservations", "handling payments", "dealing with guest requests",
          "handing over to the night porter"},
         {"a professional telephone manner", "[good IT skills|confidence with computers|solid IT skills]", "customer service experience"},
         12.90, 13.60, false,
         {"shifts between 7am and 11pm, five days out of seven"}}}},
      {"retail",
       {"Home & Garden", "Pharmacy", "Stores", "Garden Centre", "Farm Shop", "Pet Supplies"},
       {"plants and garden tools", "pet food and accessories", "hardware and DIY",
        "gifts and homeware", "local produce", "bicycles", "outdoor clothing",
        "prescriptions and health products"},
       {"{company} is a family-owned shop that has sold {specialty} in {town} since {year}.",
        "{company} has a busy store in {town} town centre selling {specialty}, and a growing "
        "online shop.",
        "We are an independent retailer of {specialty} in {town} with a loyal customer base.",
        "{company} employs {staff} people across two stores near {town}, specialising in "
        "{specialty}."},
       {"a generous staff discount", "a pension scheme", "paid holiday", "free parking",
        "Sundays off on a rota", "product training", "a Christmas bonus",
        "{holiday} days holiday"},
       {{"Sales Assistant",
         {"serving customers and operating the till", "keeping shelves full and tidy",
          "giving friendly advice about {specialty}", "[helping|assisting] with deliveries",
          "building window and seasonal displays", "handling click and collect orders"},
         {"good customer service", "a flexible approach", "an interest in {specialty}"},
         12.75, 13.40, false,
         {"part time, 20 hours a week including Saturdays", "full time, 37.5 hours a week"}},
        {"Store Supervisor",
         {"opening and closing the store", "supervising a small team", "cashing up",
          "[helping|assisting] with rotas and ordering", "dealing with customer complaints"},
         {"retail supervisory experience", "good organisation", "confidence with numbers"},
         13.50, 14.50, false,
         {"full time, five days out of seven"}},
        {"Night Replenishment Assistant",
         {"filling shelves overnight", "rotating stock", "keeping the shop floor tidy",
          "unloading the evening delivery", "[checking|verifying] dates on chilled lines"},
         {"[reliability|a reliable nature|dependability]", "the ability to work at pace"},
         13.40, 14.10, false,
         {"nights, 10pm-6am, Sunday to Thursday"}}}},
      {"cleaning",
       {"Cleaning Services", "Facilities", "Property Services", "Hygiene"},
       {"offices", "schools", "GP surgeries", "holiday lets", "gyms", "car showrooms",
        "new-build homes", "factories"},
       {"{company} provides contract cleaning to {specialty} around {town}.",
        "{company} has looked after {specialty} across {town} since {year}.",
        "Locally owned and run, {company} employs {staff} cleaners working mostly in "
        "{specialty}."},
       {"paid holiday", "all equipment provided", "a uniform", "regular hours",
        "a pension scheme", "paid travel between sites", "a £{bonus} Christmas bonus"},
       {{"Office Cleaner",
         {"vacuuming and mopping floors", "cleaning kitchens and toilets", "emptying bins",
          "restocking consumables", "dusting desks and high surfaces",
          "reporting maintenance issues"},
         {"[reliability|a reliable nature|dependability]", "an eye for detail", "the ability to work on your own"},
         12.75, 13.20, false,
         {"Monday to Friday, 5.30pm-8pm", "early mornings, 6am-8am"}},
        {"Cleaning Supervisor",
         {"supervising a team of cleaners across three sites", "carrying out quality checks",
          "ordering supplies", "covering absence", "training new cleaners"},
         {"experience in commercial cleaning", "a driving licence"},
         13.60, 14.40, false,
         {"Monday to Friday, 25 hours a week"}}}},
      {"manufacturing",
       {"Engineering", "Plastics", "Packaging", "Precision", "Foods", "Print", "Composites"},
       {"aerospace brackets", "injection-moulded parts", "food packaging", "printed labels",
        "bakery products", "kitchen worktops", "hydraulic fittings", "ready meals",
        "signage", "metal enclosures"},
       {"{company} makes {specialty} for customers across Europe at our factory in {town}.",
        "Established in {year}, {company} is a growing manufacturer of {specialty} based in "
        "{town}.",
        "We make {specialty} for some of the UK's best-loved brands at our {town} site.",
        "{company} employs {staff} people in {town} making {specialty}.",
        "{company} is an employee-owned maker of {specialty}, in {town} since {year}."},
       {"a company pension", "a Christmas shutdown", "overtime available",
        "a shift allowance for nights", "free parking", "life assurance",
        "a healthcare cash plan", "{holiday} days holiday", "a profit share scheme",
        "paid apprenticeships for the right people"},
       {{"Production Operative",
         {"[operating|running] machinery on the production line", "[checking|verifying] {specialty} against the spec",
          "packing finished goods", "keeping your area clean and safe",
          "changing over tooling", "recording output on the shift sheet"},
         {"[a good level of fitness|reasonable fitness|the ability to stay on your feet all shift]", "the ability to follow instructions",
          "a good attendance record", "basic maths"},
         12.85, 14.00, false,
         {"days, 6am-2pm or 2pm-10pm alternating weekly", "4 on 4 off, 7am-7pm",
          "Monday to Thursday, 6am-4.30pm"}},
        {"CNC Machinist",
         {"setting and operating CNC milling machines", "reading engineering drawings",
          "[checking|verifying] parts with measuring equipment", "making small program edits",
          "first-off inspection of {specialty}"},
         {"an engineering apprenticeship or equivalent experience",
          "experience of Fanuc or Heidenhain controls", "setting experience"},
         15.50, 18.40, false,
         {"Monday to Thursday 7am-5pm, Friday 7am-12pm"}},
        {"Maintenance Engineer",
         {"planned and reactive maintenance", "fault finding on electrical and mechanical systems",
          "keeping maintenance records", "[supporting|helping] improvement projects",
          "looking after the {specialty} lines"},
         {"a recognised electrical or mechanical qualification", "experience in a factory",
          "PLC experience (desirable)"},
         37000, 44500, true,
         {"4 on 4 off, 6am-6pm", "Monday to Friday, 40 hours"}},
        {"Quality Inspector",
         {"inspecting {specialty} and paperwork", "raising non-conformance reports",
          "working with production to fix problems", "calibrating gauges",
          "[supporting|helping] customer audits"},
         {"experience of quality systems", "[good IT skills|confidence with computers|solid IT skills]", "ISO 9001 knowledge"},
         14.00, 15.60, false,
         {"Monday to Friday, 8am-4.30pm"}}}},
      {"office",
       {"Accountants", "Solicitors", "Insurance Services", "Lettings", "Estate Agents",
        "Financial Planning"},
       {"tax returns for small businesses", "conveyancing", "commercial insurance",
        "residential lettings", "payroll bureau work", "wills and probate",
        "mortgage advice"},
       {"{company} is a well-established practice in {town} with a friendly team of {staff}, "
        "best known for {specialty}.",
        "Based in modern offices in {town}, {company} handles {specialty} for more than two "
        "thousand clients.",
        "{company} is an independent firm in {town} that has grown steadily since {year}.",
        "Founded in {year}, {company} focuses on {specialty} for clients in and around {town}."},
       {"hybrid working after probation", "{holiday} days holiday plus bank holidays",
        "a pension with {pension}% employer contribution", "free parking", "study support",
        "an early finish on Fridays", "private medical insurance", "a day off for your birthday"},
       {{"Administrator",
         {"[answering|handling|dealing with] calls and dealing with enquiries", "updating our client database",
          "handling post and scanning", "[supporting|helping] the team with {specialty} files",
          "booking meetings", "[preparing|making] letters and packs"},
         {"good Microsoft Office skills", "excellent organisation", "a professional manner",
          "accurate typing"},
         25500, 27500, true,
         {"Monday to Friday, 9am-5pm", "part time, 25 hours a week"}},
        {"Accounts Assistant",
         {"processing purchase invoices", "bank reconciliations", "chasing payments",
          "[helping|assisting] with month-end", "[preparing|making] VAT workings"},
         {"experience in an accounts role", "AAT (or studying towards it)",
          "strong Excel skills"},
         26500, 30000, true,
         {"Monday to Friday, 8.30am-5pm"}},
        {"Customer Service Advisor",
         {"[answering|handling|dealing with] customer calls and e-mails", "resolving queries first time",
          "keeping accurate notes", "working towards team targets",
          "explaining {specialty} in plain English"},
         {"a clear telephone manner", "good keyboard skills", "patience"},
         13.10, 13.90, false,
         {"Monday to Friday, 9am-5.30pm", "shifts between 8am and 8pm, one Saturday a month"}}}},
      {"driving",
       {"Transport", "Couriers", "Removals", "Haulage"},
       {"parcel deliveries", "furniture deliveries", "pallet distribution",
        "temperature-controlled transport", "builders' merchants deliveries",
        "house removals"},
       {"{company} is a family haulage firm based in {town}, running a modern fleet for "
        "{specialty}.",
        "{company} has handled {specialty} across the East Midlands from our {town} depot since "
        "{year}.",
        "With {staff} drivers and a new depot in {town}, {company} is growing fast in "
        "{specialty}."},
       {"a modern, well-maintained fleet", "overtime available", "a pension scheme",
        "regular routes", "paid holiday", "a £{bonus} joining bonus", "home every night"},
       {{"Multi-drop Delivery Driver",
         {"loading your van in the morning", "delivering on a local route",
          "getting signatures and photos on the handheld", "keeping your van clean",
          "collecting returns"},
         {"a full UK driving licence with no more than 6 points", "good local knowledge",
          "a friendly manner on the doorstep"},
         13.00, 14.20, false,
         {"Monday to Friday, 7am-5pm", "five days out of seven"}},
        {"HGV Class 1 Driver",
         {"trunking between our depots", "loading and securing loads",
          "completing vehicle checks and paperwork", "multi-drop work for {specialty}"},
         {"a C+E licence, CPC and digi card", "two years' experience", "ADR (desirable)"},
         17.20, 19.50, false,
         {"nights, Sunday to Thursday", "days, Monday to Friday"}},
        {"7.5 Tonne Driver",
         {"delivering to homes and businesses", "[helping|assisting] your mate unload",
          "keeping customers informed", "two-person lifts and placing in room"},
         {"a C1 licence (or pre-1997 licence)", "a tidy appearance"},
         14.20, 15.50, false,
         {"Monday to Friday, early starts"}}}},
      {"trades",
       {"Building Services", "Electrical", "Plumbing & Heating", "Joinery", "Construction",
        "Roofing"},
       {"house extensions", "school refurbishments", "commercial electrical work",
        "heat pump installations", "social housing repairs", "new-build plots",
        "kitchen and bathroom fitting"},
       {"{company} is a small contractor working on {specialty} around {town}.",
        "{company} carries out {specialty} for clients across {town} and beyond.",
        "Since {year}, {company} has built a name for {specialty} in and around {town}.",
        "We are a {staff}-strong team based in {town}, mostly on {specialty}."},
       {"a company van", "tools provided", "paid travel time", "a pension scheme",
        "training and card renewals paid", "{holiday} days holiday", "a fuel card"},
       {{"Site Labourer",
         {"keeping the site clean and safe", "moving materials around site",
          "[helping|assisting] the trades", "[loading and unloading|unloading and loading] deliveries", "mixing mortar",
          "setting out barriers and signage"},
         {"a valid CSCS card", "your own PPE", "a good head for heights"},
         13.50, 15.00, false,
         {"Monday to Friday, 8am-5pm"}},
        {"Electrician",
         {"first and second fix on {specialty}", "testing and inspection", "fault finding",
          "completing certificates on the app"},
         {"an NVQ Level 3 and 18th Edition", "an ECS gold card", "a full driving licence"},
         19.00, 23.00, false,
         {"Monday to Friday, 40 hours"}},
        {"Gas Engineer",
         {"servicing and repairing boilers", "installing new heating systems",
          "giving customers honest advice", "working on {specialty}"},
         {"Gas Safe registration", "a full driving licence", "unvented qualifications"},
         34000, 42000, true,
         {"Monday to Friday with an on-call rota"}}}},
      {"childcare",
       {"Day Nursery", "Pre-School", "Kids Club", "Nurseries"},
       {"forest school", "babies and toddlers", "after-school care", "pre-school learning",
        "holiday clubs"},
       {"{company} is a friendly setting in {town} rated Outstanding by Ofsted, with a big "
        "focus on {specialty}.",
        "{company} cares for up to 60 children aged 0-5 in a converted farmhouse near {town}.",
        "Family-run since {year}, {company} has {staff} staff and a waiting list for "
        "{specialty}."},
       {"free childcare places for staff", "paid training", "a pension scheme",
        "a closed week at Christmas", "a wellbeing day each year", "paid non-contact time"},
       {{"Nursery Practitioner",
         {"planning activities that follow the EYFS", "being a key person for a small group",
          "keeping learning journals up to date", "working closely with parents",
          "leading {specialty} sessions"},
         {"a full and relevant Level 3 qualification", "a passion for early years",
          "paediatric first aid (or willing to train)"},
         13.00, 14.20, false,
         {"40 hours a week between 7.30am and 6pm", "part time, three days a week"}},
        {"Nursery Assistant",
         {"[supporting|helping] the room leader", "[helping|assisting] at mealtimes and nap times",
          "setting up activities", "keeping the room clean and safe"},
         {"a Level 2 qualification (or willing to work towards one)", "patience and energy"},
         12.75, 13.30, false,
         {"Monday to Friday, 8am-4pm"}}}},
      {"health",
       {"Dental Practice", "Veterinary Surgery", "Opticians", "Physiotherapy"},
       {"family dentistry", "small animal care", "eye tests and contact lenses",
        "sports injuries", "orthodontics", "mixed farm and pet practice"},
       {"{company} is a busy, modern practice in {town} offering {specialty}.",
        "{company} has been part of the {town} community since {year}, specialising in "
        "{specialty}.",
        "We are a {staff}-strong independent practice in {town}."},
       {"GDC or RCVS fees paid", "CPD support", "a staff discount on treatment",
        "a pension scheme", "no evening work", "{holiday} days holiday"},
       {{"Dental Nurse",
         {"assisting the dentist during treatment", "decontaminating instruments",
          "[booking|managing] appointments", "keeping records up to date", "reassuring nervous patients"},
         {"GDC registration", "a friendly manner", "a radiography certificate (desirable)"},
         13.40, 15.00, false,
         {"Monday to Friday, 8.30am-5.30pm", "four days a week"}},
        {"Practice Receptionist",
         {"greeting clients and patients", "[booking|managing] appointments", "taking payments",
          "[answering|handling|dealing with] the phone", "handling repeat prescription requests"},
         {"good customer service skills", "basic IT skills", "a calm manner"},
         12.80, 13.50, false,
         {"part time, mornings", "Monday to Friday, 8am-6pm on a rota"}},
        {"Optical Assistant",
         {"pre-testing patients", "[helping|assisting] customers choose frames", "adjusting glasses",
          "ordering lenses", "teaching contact lens handling"},
         {"retail or healthcare experience", "good attention to detail"},
         12.90, 13.80, false,
         {"five days a week including alternate Saturdays"}}}},
  };
  return kSectors;
}

const std::vector<std::string>& EmployerClaims() {
  static const std::vector<std::string> kClaims = {
      "Most of our managers started on the shop floor.",
      "We were named Employer of the Year by the local Chamber of Commerce last year.",
      "We are accredited by the Living Wage Foundation.",
      "Staff turnover here is among the lowest in our industry.",
      "We recently invested £2m in new equipment and a refurbished staff area.",
      "Our customers have stayed with us for decades, and so do our people.",
      "We are Investors in People Gold.",
      "We moved into a new, purpose-built site last spring.",
      "We are still owned by the family that founded us in {year}.",
      "The business became employee-owned in 2021.",
      "We support a different local charity every year.",
      "There is a real team spirit here, and a barbecue every summer.",
      "We are on the number 12 bus route and have plenty of parking.",
      "We believe in promoting from within and paying for qualifications.",
      "Our {town} team won a regional award for customer service this year.",
      "We are proud to be a Disability Confident employer.",
      "Flexible working is normal here, not a favour.",
      "Every new starter gets a mentor for their first three months.",
  };
  return kClaims;
}

const std::vector<std::string>& GenericDuties() {
  static const std::vector<std::string> kDuties = {
      "[following|sticking to] health and safety rules", "taking part in team briefings",
      "[helping|supporting] colleagues when it gets busy", "keeping paperwork up to date",
      "attending [training|refresher training] when needed", "covering holidays and sickness",
      "dealing with the odd customer query", "using our in-house [system|software|app]",
      "suggesting better ways of doing things", "[passing on|reporting] any problems to your manager",
      "keeping your work area tidy", "welcoming [new starters|visitors]"};
  return kDuties;
}

const std::vector<std::string>& GenericRequirements() {
  static const std::vector<std::string> kRequirements = {
      "the right to work in the UK", "a can-do attitude", "good spoken English",
      "a full driving licence (desirable)", "flexibility to cover the occasional weekend",
      "basic IT skills", "[the ability to work as part of a team|to be a team player]",
      "[a sense of humour|a friendly manner]", "[good timekeeping|punctuality]",
      "two references", "an enhanced DBS (or willingness to get one)"};
  return kRequirements;
}

const std::vector<std::string>& HiringSentences() {
  static const std::vector<std::string> kHiring = {
      "We are looking for {a_role} to join our team.",
      "We now have an opening for {a_role}.",
      "Due to continued growth we need an experienced {role}.",
      "This is a great opportunity for {a_role} who wants to grow with us.",
      "We are recruiting {a_role} to start as soon as possible.",
      "Could you be our next {role}?",
      "An exciting vacancy has arisen for {a_role}.",
      "We would love to hear from you if you are an enthusiastic {role}.",
      "Our {role} is retiring after 19 years, so we are looking for someone new.",
      "We are expanding the team and need a further {role}.",
  };
  return kHiring;
}

const Sector& SectorNamed(const std::string& key) {
  for (const Sector& sector : Sectors())
    if (sector.key == key) return sector;
  throw std::runtime_error("farm2: unknown sector " + key);
}

const std::vector<std::string>& CompanyPrefixes() {
  static const std::vector<std::string> kPrefixes = {
      "Hartwell",    "Bramley",     "Kingsmead",  "Ashdown",    "Fairfield",  "Greenacre",
      "Oakridge",    "Millbrook",   "Westbury",   "Harcourt",   "Lindale",    "Thornbury",
      "Elmstead",    "Carrow",      "Redbourne",  "Sandford",   "Wexley",     "Halden",
      "Norbury",     "Pinewood",    "Brookfield", "Castleview", "Nene Valley", "Sovereign",
      "Beacon",      "Abington",    "Hollybush",  "Foxhill",    "Whitmore",   "Lyndhurst",
      "Summerfield", "Mapleton",    "Coldstream", "Highfield",  "Ravensworth", "Bellamy",
      "Cartwright",  "Pemberton",   "Kestrel",    "Arden",      "Trentside",  "Soar Valley",
      "Welland",     "Ouse Valley", "Charnwood",  "Rockingham", "Barnwell",   "Alderton",
      "Fenwick",     "Marston",     "Caldecott",  "Everdon",    "Hayward",    "Linford",
      "Pavilion",    "Larkfield",   "Quarry Hill", "Sycamore",  "Elmtree",    "Tollgate",
      "Kingfisher",  "Stonebridge", "Wheatsheaf", "Blackthorn", "Harlow & Finch", "Gable End"};
  return kPrefixes;
}

const std::vector<std::string>& FirstNames() {
  static const std::vector<std::string> kNames = {
      "Sarah", "James", "Priya", "Tom",   "Helen",  "Mark",   "Aisha", "Gary",  "Claire",
      "Rob",   "Joanne", "Imran", "Lucy", "Steve",  "Kerry",  "Dave",  "Nadia", "Paul",
      "Emma",  "Martin", "Sunita", "Chris", "Julie", "Owen",  "Rachel", "Mo",   "Tracey",
      "Lee",   "Fiona",  "Wes",   "Becky", "Tariq", "Gemma",  "Alan",  "Hannah", "Kev"};
  return kNames;
}

const std::vector<std::string>& Surnames() {
  static const std::vector<std::string> kNames = {
      "Whitmore", "Patel",   "Clarke",  "Hughes", "Okafor", "Barnes",  "Kowalski", "Singh",
      "Fletcher", "Brennan", "Dawson",  "Ahmed",  "Turner", "Mahmood", "Wood",     "Lambert",
      "Osei",     "Harris",  "Chapman", "Begum",  "Lloyd",  "Novak",   "Price",    "Grant"};
  return kNames;
}

namespace {

std::string Money(double amount, bool pence) {
  char buffer[32];
  if (pence) {
    std::snprintf(buffer, sizeof buffer, "%.2f", amount);
    return std::string("£") + buffer;
  }
  long whole = std::lround(amount);
  std::string digits = std::to_string(whole);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return "£" + digits;
}

// A value in [low, high] on a 5p (hourly) or £500 (salary) step.
double Step(Rng& rng, double low, double high, double step) {
  int steps = static_cast<int>((high - low) / step);
  return low + step * rng.Between(0, steps < 0 ? 0 : steps);
}

}  // namespace

std::string FormatHourly(Rng& rng, double amount) {
  static const std::vector<std::string> kUnits = {" per hour", " per hour", " an hour", "/hr",
                                                  " ph", " p/h", " per hour (paid weekly)"};
  return Money(amount, true) + rng.Pick(kUnits);
}

std::string FormatSalary(Rng& rng, double low, double high) {
  switch (rng.Below(4)) {
    case 0: return Money(low, false) + " per annum";
    case 1: return Money(low, false) + " - " + Money(high, false) + " a year";
    case 2: return Money(low, false) + " pa";
    default: return "Up to " + Money(high, false) + " per year depending on experience";
  }
}

std::string PayFor(Rng& rng, const Role& role) {
  if (role.salaried) {
    double low = Step(rng, role.pay_min, role.pay_max, 500);
    return FormatSalary(rng, low, low + 2000);
  }
  double rate = Step(rng, role.pay_min, role.pay_max, 0.05);
  if (rng.Chance(0.15)) {
    double top = rate + 0.05 * rng.Between(4, 20);
    return Money(rate, true) + " - " + Money(top, true) + " per hour";
  }
  return FormatHourly(rng, rate);
}

std::string Fill(std::string text, const std::map<std::string, std::string>& slots, Rng& rng) {
  // "[a|b|c]": one of the options, left to right.
  for (std::size_t open = text.find('['); open != std::string::npos; open = text.find('[', open)) {
    const std::size_t close = text.find(']', open);
    if (close == std::string::npos) break;
    std::vector<std::string> options;
    std::size_t from = open + 1;
    for (std::size_t bar = text.find('|', from); bar != std::string::npos && bar < close;
         bar = text.find('|', from)) {
      options.push_back(text.substr(from, bar - from));
      from = bar + 1;
    }
    options.push_back(text.substr(from, close - from));
    const std::string chosen = rng.Pick(options);
    text.replace(open, close - open + 1, chosen);
    open += chosen.size();
  }
  auto replace_all = [&text](const std::string& key, auto value_of) {
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      const std::string value = value_of();
      text.replace(at, key.size(), value);
      at += value.size();
    }
  };
  for (const auto& [key, value] : slots) replace_all("{" + key + "}", [&bound = value] { return bound; });
  replace_all("{holiday}", [&rng] { return std::to_string(rng.Between(22, 28)); });
  replace_all("{pension}", [&rng] { return std::to_string(rng.Between(3, 8)); });
  replace_all("{bonus}", [&rng] { return std::to_string(rng.Between(2, 10) * 50); });
  return text;
}

}  // namespace plainsight::farm2
