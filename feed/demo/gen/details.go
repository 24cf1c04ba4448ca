package main

// details are the particulars that set one event apart from another of
// its kind: each story of a kind gets a different one, and every outlet
// telling that story reports it.
var details = map[string][]string{
	"rates-hold": {
		"The governor hinted that a cut could come before midsummer if rents stop climbing.",
		"The statement dropped a long-standing warning about overheated house prices.",
		"One board member resigned last month in protest over the bank's slow response to food prices.",
	},
	"rates-cut": {
		"Pensioners' groups complained that savings accounts would now pay even less.",
		"The bank also ended a scheme that paid commercial lenders interest on their reserves.",
		"Builders' shares jumped as the decision was read out at a press conference broadcast live.",
	},
	"index-record": {
		"A shipyard group, Fennick Marine, rose nearly a fifth after winning a frigate contract.",
		"Brokers handed out commemorative caps on the trading floor as the closing bell rang.",
		"A cement maker, Granitor, led the gains after announcing a special payout.",
	},
	"currency-slide": {
		"Exchange booths at the main airport ran short of foreign banknotes over the weekend.",
		"A large fertiliser import bill, paid in one lump, added to the pressure.",
		"Ratings agency Sterling Grade said it might cut the country's credit score.",
	},
	"oil-output": {
		"The extra barrels will come from the Hallgrim field, reopened after a long repair.",
		"A new pipeline to the western terminal, finished in spring, makes the increase possible.",
		"Environmental campaigners staged a sit-in outside the energy ministry.",
	},
	"earnings": {
		"An electric van launched last spring sold out its first year of production.",
		"Own-brand groceries and a loyalty app drew shoppers away from discount rivals.",
		"Demand for tablet processors from schools more than doubled.",
	},
	"takeover": {
		"The buyer plans to merge the two headquarters into one tower by the harbour.",
		"A hedge fund holding a tenth of the target's shares says the price is too low.",
		"Both founders' families have agreed to back the bid.",
	},
	"layoffs": {
		"A planned research campus on the edge of town has been shelved.",
		"The cuts follow the loss of a large supermarket contract to a rival.",
		"Staff will be offered moves to a new customer-service centre abroad.",
	},
	"strike": {
		"Refrigerated containers of bananas and citrus are stacking up on the quays.",
		"A cruise ship carrying two thousand passengers had to anchor outside the breakwater.",
		"Picket lines formed at dawn around the grain terminal and the car-import yard.",
	},
	"strike-day2": {
		"The union has set up a soup kitchen by the main gate for striking crews.",
	},
	"airline-routes": {
		"Destinations include the volcanic island of Morrow and the ski resort of Tallis.",
		"The routes include a long-haul service to the spice ports of the southern ocean.",
	},
	"recall": {
		"The fault lies in the anti-lock module supplied by a parts maker, Velcor.",
		"Owners of the Marlowe Pronghorn pickup built last year are affected.",
	},
	"chip-launch": {
		"The design, code-named Heron, pairs eight fast cores with four frugal ones.",
		"The chip, called Quasar, adds a dedicated engine for speech recognition.",
	},
	"outage": {
		"Hospitals switched to radio pagers and taxis to cash while the network was down.",
		"Ticket barriers on the metro were opened free for commuters during the blackout.",
	},
	"outage-after": {
		"Engineers traced the failure to a routing table pushed to every exchange at once.",
	},
	"privacy-fine": {
		"Some of the records included scans of customers' passports.",
		"Loyalty-card histories going back fifteen years were among the data kept.",
	},
	"ai-model": {
		"The first languages studied will include the island dialects of the northern archipelago.",
		"The model, called Polyglot-7, was trained on parliamentary records and radio transcripts.",
	},
	"tram": {
		"The line will link the old crater rim with the new hospital district.",
	},
	"exoplanet": {
		"The observations took {k} nights spread across two winters.",
		"The discovery was made by a doctoral student checking archive data.",
	},
	"fossil": {
		"The animal has been named Ostravia volans after the town.",
		"The skeleton was found in a block of salt-crusted shale from a mine spoil heap.",
	},
	"deepsea": {
		"The drill ship Albatross spent six weeks at the site.",
		"The samples came from a borehole beside an old undersea volcano.",
	},
	"prize": {
		"The winner began the work in a converted garage with a grant of a few thousand.",
	},
	"climate-summit": {
		"The venue is a former shipyard converted into a conference centre.",
	},
	"outbreak": {
		"The first cases were traced to a school trip to an indoor water park.",
		"Several infections were linked to a crowded weekend flea market.",
		"A nursery in the old town has closed for a week while staff are tested.",
	},
	"hospital": {
		"The hospital has a rooftop helipad and a children's wing painted by local schools.",
		"It was built on the site of a demolished railway depot.",
		"Copper from local mines was used for its distinctive green roof.",
	},
	"drug-approval": {
		"The pill is taken once a week rather than daily.",
		"The drug works by calming overactive nerve endings in the skin.",
	},
	"vaccine-trial": {
		"The vaccine is given as a nasal spray rather than an injection.",
		"The shot targets a part of the virus that changes little from year to year.",
	},
	"walking": {
		"Volunteers were office workers who had reported poor sleep for at least a year.",
		"The study recruited retired farmers in rural districts.",
	},
	"election": {
		"The main challenger is a former football coach turned mayor.",
		"Ballot papers were printed in three languages for the first time.",
	},
	"election-result": {
		"The new leader has promised to freeze rail fares in the first budget.",
	},
	"floods": {
		"The river Tain rose more than four metres in a single night.",
		"A dam upstream released water to prevent a collapse, worsening the flooding downstream.",
	},
	"floods-after": {
		"Volunteers shovelled silt out of the old library and laid its books out to dry.",
	},
	"trade-deal": {
		"The deal also lets lorry drivers cross borders without a separate permit.",
		"Wine and cheese were the last products to be agreed, late at night.",
	},
}
