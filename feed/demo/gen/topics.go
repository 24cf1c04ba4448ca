package main

// context holds background paragraphs per topic, used by the longer
// versions of a story. They carry the story's own names, so two stories
// of one topic share a subject but not their facts.
var topicContext = map[string][]string{
	"central banks": {
		"Central banks across the region raised rates sharply two years ago as energy and food prices soared. Since then most have paused, and investors now spend their days trying to guess who will cut first and by how much.",
		"In {country}, the debate has turned on wages: pay settlements are still running well above the bank's comfort level, and the governor has said more than once that the labour market, not the exchange rate, will decide the next move.",
		"Markets now price in {k} quarter-point moves over the coming year. Economists at the large banks in {capital} are split: some expect the first step within months, others not before the summer.",
	},
	"stocks": {
		"Share prices in {country} lagged behind other markets for most of the past decade, held back by a heavy weighting in slow-growing utilities and a shortage of fast-growing technology firms.",
		"Fund managers say the picture has changed: bank profits are up with higher interest rates, and a wave of buybacks has returned cash to shareholders. Sceptics point out that much of the gain has come from a handful of large companies.",
		"Strategists will watch the next round of company results for signs that profits can keep up with share prices. A stronger currency or a jump in bond yields could quickly cool the rally.",
	},
	"currencies": {
		"A country's currency is, in the end, a vote of confidence in its economy, and {country} has given traders reasons to doubt: a trade deficit that keeps widening, a budget that relies on borrowing, and an election that is never far away.",
		"For ordinary people the effect arrives slowly. Holidays abroad cost more at once, but the price of imported food, medicines and fuel catches up over a few months, which is why the central bank watches the exchange rate so closely.",
		"Finance ministry officials in {capital} said they saw no need for emergency measures, but traders noted that similar words preceded an intervention {yr} years ago.",
	},
	"commodities": {
		"Oil is still the single largest export of {country}, and the government has leaned on it to fill gaps in the budget during lean years. The fields off its northern coast were expanded a decade ago with foreign investment.",
		"Prices have swung widely this year as demand from factories weakened and producers argued over how much to pump. Analysts say a sustained fall would help importers but squeeze the budgets of exporting nations.",
		"Tanker bookings from ports in {country} have already risen, brokers say, and refiners abroad are expected to take most of the extra crude.",
	},
	"company results": {
		"Results season gives investors their first detailed look at how companies coped with higher borrowing costs and cautious customers. So far, more firms than usual have beaten forecasts, largely because forecasts were cut so far in advance.",
		"{short} has spent the past two years closing unprofitable lines and renegotiating supply contracts, and analysts had been waiting to see whether those changes would show up in the figures.",
		"{short} will hold an investor day next month, where it is expected to set out targets for the next three years and say more about how it plans to spend its cash.",
	},
	"deals": {
		"Mergers have picked up after a slow two years, as companies that put plans on hold while interest rates rose return to the table. Bankers say boards are more willing to pay in shares than in borrowed cash.",
		"Deals of this size usually take a year or more to close. Competition authorities can demand that parts of the business be sold, and shareholders on both sides must vote.",
		"If the deal goes ahead, the combined group will employ about {m}0 people and have operations in more than {k} countries.",
	},
	"jobs and pay": {
		"Workers across many industries have pushed for bigger pay rises after prices climbed faster than wages for two years running. Employers say they cannot afford settlements that would lift costs further.",
		"Union membership has recovered in several sectors, and organisers say a younger generation of workers is more willing to take action than their predecessors were a decade ago.",
		"Economists say disputes like this one are likely to continue until inflation falls far enough for pay rises to restore what workers lost.",
	},
	"aviation": {
		"Air travel has recovered to above its earlier peak in most of the region, and airlines have been racing to add seats for holiday routes. Aircraft makers, however, are struggling to deliver new planes on time.",
		"Airports warn that staffing at security and baggage handling has not kept pace. Last summer several had to cap the number of departures to avoid long queues.",
		"Tickets for the new services go on sale this week. The airline said it would review the routes after a year and drop any that did not fill enough seats.",
	},
	"carmakers": {
		"Modern cars run on millions of lines of code, and software faults now account for a growing share of recalls. Many can be fixed over the air, but braking and steering systems often still need a visit to a dealer.",
		"Recalls are expensive and embarrassing, but industry veterans say a fast, voluntary recall usually does less damage to a brand than a slow one forced by regulators.",
		"Owners do not need to stop driving their cars in the meantime, the company said, but should book the update as soon as they receive a letter.",
	},
	"chips": {
		"Chip designers are under pressure to cut power use as laptops and phones are asked to do more work on the device itself, and as data centres run up against the limits of their electricity supply.",
		"The industry depends on a small number of factories able to make the most advanced chips, and designers must book production capacity years in advance.",
		"Reviewers will get test machines in the coming weeks. Earlier generations from the company drew praise for speed but complaints about heat and fan noise.",
	},
	"telecoms": {
		"Mobile networks have become part of the basic plumbing of daily life: card payments, taxis, alarms and many emergency calls depend on them. When one fails, the effects spread far beyond people unable to make a call.",
		"Regulators have asked operators to show how they would keep essential services running during a failure, and some have proposed that phones should be able to roam onto a rival network in an emergency.",
		"Consumer groups say compensation should be automatic rather than something customers must claim, and are calling for the rules to be changed.",
	},
	"regulation": {
		"Data protection rules give people the right to know what companies hold about them and to have it deleted, but enforcement has been patchy. Regulators have recently begun to issue larger fines.",
		"Companies often argue that old records are kept for fraud prevention or accounting. Regulators say that may justify keeping some data, but not everything, and not for ever.",
		"The authority said it was examining how several other firms handle former customers' data and expected to publish further decisions this year.",
	},
	"artificial intelligence": {
		"Translation systems work best for the few dozen languages with large amounts of text online. Speakers of smaller languages often get poor results or none at all.",
		"Researchers have long asked for access to the models companies build, arguing that independent testing is the only way to find errors and biases that the makers miss.",
		"The first studies using the model are expected within months. Several university groups have already said they will focus on languages spoken by fewer than a million people.",
	},
	"transport": {
		"Cities across the region are looking at automated trams and buses as a way to run more frequent services without recruiting more drivers, who are in short supply.",
		"Most automated lines so far run on tracks separated from traffic. Running on busy streets alongside cyclists and pedestrians is a harder problem.",
		"Construction would start with the depot and a test track, so that the system can run for a year without passengers before the line opens.",
	},
	"space": {
		"Astronomers have found thousands of planets around other stars, but learning what their atmospheres contain requires catching the faint signature of gases in starlight that passes through them.",
		"Small red stars are the most common in the galaxy, which makes planets around them promising places to look, though such stars also produce flares that can strip atmospheres away.",
		"Follow-up observations are scheduled for next year, when the planet passes in front of its star again and the team can measure the atmosphere at other wavelengths.",
	},
	"fossils": {
		"How and when the ancestors of birds took to the air is one of the liveliest debates in palaeontology. Feathers appeared long before flight, and many early feathered animals could probably only glide.",
		"Quarries in the region have produced fossils for more than a century, and many finds are made by workers rather than scientists.",
		"The researchers plan to scan the skeleton to build a digital model and test how well the animal could have flown.",
	},
	"ocean life": {
		"Scientists have found life in ever stranger places: boiling springs, frozen lakes and, increasingly, rock far beneath the sea floor, where no sunlight has ever reached.",
		"Such microbes grow extremely slowly, some dividing perhaps once a century, and they are difficult to keep alive once brought to the surface.",
		"The expedition brought back {k} tonnes of core samples, which will be shared with laboratories around the world for further study.",
	},
	"prizes": {
		"The Lindholm Prize is awarded each year for research with practical benefits. Past winners include engineers who worked on water purification and low-cost solar panels.",
		"Batteries that avoid scarce metals have drawn interest from power companies, which need cheap ways to store electricity from wind and solar farms.",
		"The prize will be presented at a ceremony in {capital} in the spring, followed by a public lecture by the winner.",
	},
	"climate": {
		"Countries promised at earlier summits to limit warming, but their current plans fall well short of what scientists say is needed. Each new meeting is judged by whether it closes that gap.",
		"Money is the most divisive issue: poorer nations, which did least to cause the problem, say they cannot cope with floods and droughts without help from richer ones.",
		"Observers say the outcome will depend on the final night of talks, when ministers usually trade concessions on money and deadlines.",
	},
	"outbreaks": {
		"Vaccination rates for childhood diseases dipped during recent years, when routine appointments were missed and misinformation spread online. Health officials have been warning that outbreaks would follow.",
		"Measles is one of the most contagious diseases known: one infected person can pass it to most unvaccinated people around them. Two doses of vaccine give lasting protection.",
		"Officials will publish updated case numbers every week and have asked schools to check pupils' vaccination records.",
	},
	"hospitals": {
		"Many hospitals in the region were built half a century ago and struggle to fit modern equipment. Waiting lists for planned surgery have grown since the pandemic.",
		"Health managers say buildings are only half the problem: recruiting and keeping nurses and doctors is harder, especially outside the largest cities.",
		"Services will move over from the old site in stages over the next {k} months, starting with outpatient clinics.",
	},
	"medicines": {
		"New medicines must pass several stages of trials before regulators will approve them, and many fail along the way. Even after approval, health services decide separately whether to pay for them.",
		"Drugmakers have been under pressure to show that their products offer real benefits over cheaper treatments already available.",
		"Health services will now decide whether to pay for it, a process that can take a year, and the company has not said what it will charge.",
	},
	"lifestyle": {
		"Poor sleep is linked to a long list of health problems, from heart disease to depression. Doctors often recommend changes in habit before prescribing sleeping pills.",
		"Researchers say that light exposure early in the day helps set the body clock, which may explain why the timing of exercise seems to matter.",
		"The researchers now want to test whether the effect holds for older people and for those who work night shifts.",
	},
	"elections": {
		"The campaign in {country} was dominated by the cost of living, with both main parties promising help with energy bills and housing. Smaller parties have gained ground among younger voters.",
		"Coalition governments are the norm in {country}, and the weeks after polling day are often spent in negotiations between parties over ministries and policies.",
		"Official results are due within days, after postal votes have been counted. Observers reported no serious problems at polling stations.",
	},
	"disasters": {
		"Scientists say heavier downpours are becoming more frequent as the climate warms, and many towns built on river plains are more exposed than their flood defences were designed for.",
		"Emergency services in the region have invested in boats and mobile barriers after earlier floods, but officials admit that some neighbourhoods will always be at risk.",
		"Insurers have set up temporary offices nearby to help people make claims, and charities are collecting clothes and bedding.",
	},
	"diplomacy": {
		"Trade between {country} and its neighbours has been held back for years by a tangle of duties and quotas, some left over from disputes long forgotten.",
		"Business groups welcomed the talks, while farmers, who feared competition from cheaper imports, lobbied hard to keep their products out of any deal.",
		"Parliaments in each country must still ratify the agreement, which officials hope will take effect at the start of next year.",
	},
}
