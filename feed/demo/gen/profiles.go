package main

// profiles describe each invented country, city and company in a sentence
// with its own words, so every story about it carries them.
var profiles = map[string]string{
	// countries
	"norvania":  "Norvania, a nation of nine million on the northern sea, lives largely on timber, salmon farming and offshore oil.",
	"estmark":   "Estmark, a small trading state of islands and ferries, is known for its shipbuilders and its large pension funds.",
	"tirrenia":  "Tirrenia, a mountainous southern republic, relies on olive growers, tourism and a cluster of marble quarries.",
	"caledonia": "Caledonia Minor, a highland country of lochs and wool mills, has a fast-growing software and whisky export trade.",
	"valmont":   "Valmont, a landlocked federation of wine valleys and alpine lakes, earns much of its income from private banking.",
	"ashland":   "Ashland, a former colony on the eastern plains, grows wheat and canola and mines copper near its border.",
	// cities
	"portalder":   "Port Alder, the Norvanian capital, grew up around a fishing harbour and a paper mill on the Alder estuary.",
	"kalmira":     "Kalmira, an inland university town of tramways and lakeside parks, is home to about two hundred thousand people.",
	"vesterhaven": "Vesterhaven, Estmark's capital, is spread across seven islands joined by bridges and ferries.",
	"brindle":     "Brindle Cove, a container port on Estmark's southern coast, handles most of the country's imports.",
	"sorrento":    "Sorrento Bay, the Tirrenian capital, is a crescent of terraced streets above a deep natural harbour.",
	"ostrava":     "Lake Ostrava, a quarrying town beneath limestone cliffs, sits at the head of a long glacial lake.",
	"highmoor":    "Highmoor, the Caledonian capital, straddles the river Tain where it leaves the moorland hills.",
	"oakhampton":  "Oakhampton, a market town in the Caledonian lowlands, is known for its cattle fairs and railway works.",
	"caldera":     "Caldera City, Valmont's capital, is built on the rim of an ancient volcano overlooking vineyards.",
	"dunmore":     "New Dunmore, the Ashlander capital, is a grid of wide avenues laid out on the prairie a century ago.",
	"saltgate":    "Saltgate, an Ashlander mining town, grew around copper smelters on the edge of the salt flats.",
	// companies
	"calder":      "Calder Robotics, founded in Kalmira by two engineering students, makes robot arms for warehouses and bakeries.",
	"olmsted":     "Olmsted Motors has built family cars and delivery vans at its Highmoor plant since the 1950s.",
	"tessaract":   "Tessaract Chips designs processors for laptops and tablets and contracts out their manufacture.",
	"argent":      "Argent Semiconductor runs its own foundry outside Caldera City and supplies carmakers and phone brands.",
	"juniper":     "Juniper Telecom, the former state phone monopoly, has about four million mobile and broadband subscribers.",
	"lumenridge":  "Lumenridge Mobile, a discount operator, sells prepaid plans through supermarkets and petrol stations.",
	"saltmarsh":   "Saltmarsh Pharma, a family-controlled drugmaker, specialises in treatments for pain and respiratory infections.",
	"corriveau":   "Corriveau Labs, a biotech spun out of Sorrento Bay's medical school, develops vaccines and nerve drugs.",
	"bexley":      "Bexley Airlines, the Ashlander flag carrier, flies a fleet of about sixty narrow-body jets.",
	"skylark":     "Skylark Air, a budget carrier with bright yellow planes, flies mostly to sunny holiday islands.",
	"northwind":   "Northwind Foods runs about four hundred supermarkets and a chain of convenience kiosks.",
	"quillon":     "Quillon Software writes accounting programs for small firms and runs a translation research lab.",
	"halvorsen":   "Halvorsen Shipping operates container vessels and ferries from its base at Brindle Cove.",
	"ravenglass":  "Ravenglass Steel smelts copper-rich ore and rolls steel plate at a plant beside the salt flats.",
	"brightwater": "Brightwater Energy owns hydroelectric dams and a growing portfolio of wind farms.",
	"marlowe":     "Marlowe Automotive assembles electric pickups and taxis at a factory on New Dunmore's ring road.",
	"kestrel":     "Kestrel Freight runs lorry fleets and bonded warehouses serving Tirrenian exporters.",
	"pennant":     "Pennant Systems sells payroll and stock-control software to mid-sized manufacturers.",
}
