package main

// The demo's invented world: countries, cities, companies and people.
// None of them exist; any likeness to a real name is accidental.

type country struct {
	name, adj, bank, cur, capital, index, leader string
}

var countries = map[string]country{
	"norvania":  {"Norvania", "Norvanian", "the Norvanian Reserve Bank", "the Norvanian crown", "Port Alder", "the Alder 100", "President Elin Maro"},
	"estmark":   {"Estmark", "Estmark", "the Bank of Estmark", "the Estmark thaler", "Vesterhaven", "the Vester Composite", "Prime Minister Karin Lund"},
	"tirrenia":  {"Tirrenia", "Tirrenian", "the Tirrenian Central Bank", "the Tirrenian scudo", "Sorrento Bay", "the Sorrento 40", "Prime Minister Paolo Ferri"},
	"caledonia": {"Caledonia Minor", "Caledonian", "the Bank of Caledonia", "the Caledonian pound", "Highmoor", "the Highmoor 250", "First Minister Morag Doyle"},
	"valmont":   {"Valmont", "Valmontese", "the Valmont National Bank", "the Valmont franc", "Caldera City", "the Caldera Composite", "Chancellor Luc Ambry"},
	"ashland":   {"Ashland", "Ashlander", "the Ashland Monetary Authority", "the Ashland sovereign", "New Dunmore", "the Dunmore 50", "Premier Joel Whitcombe"},
}

type city struct{ name, country string }

var cities = map[string]city{
	"portalder":   {"Port Alder", "norvania"},
	"kalmira":     {"Kalmira", "norvania"},
	"vesterhaven": {"Vesterhaven", "estmark"},
	"brindle":     {"Brindle Cove", "estmark"},
	"sorrento":    {"Sorrento Bay", "tirrenia"},
	"ostrava":     {"Lake Ostrava", "tirrenia"},
	"highmoor":    {"Highmoor", "caledonia"},
	"oakhampton":  {"Oakhampton", "caledonia"},
	"caldera":     {"Caldera City", "valmont"},
	"dunmore":     {"New Dunmore", "ashland"},
	"saltgate":    {"Saltgate", "ashland"},
}

type company struct {
	name, short, what, ceo, sector, hq string
}

var companies = map[string]company{
	"calder":      {"Calder Robotics", "Calder", "the robot maker", "Ines Varga", "robots", "kalmira"},
	"olmsted":     {"Olmsted Motors", "Olmsted", "the carmaker", "Rupert Hale", "cars", "highmoor"},
	"tessaract":   {"Tessaract Chips", "Tessaract", "the chip designer", "Mira Sato", "chips", "vesterhaven"},
	"argent":      {"Argent Semiconductor", "Argent", "the chipmaker", "Felix Obi", "chips", "caldera"},
	"juniper":     {"Juniper Telecom", "Juniper", "the telecoms group", "Dana Keller", "telecom", "portalder"},
	"lumenridge":  {"Lumenridge Mobile", "Lumenridge", "the mobile operator", "Omar Sultani", "telecom", "dunmore"},
	"saltmarsh":   {"Saltmarsh Pharma", "Saltmarsh", "the drugmaker", "Helen Achebe", "pharma", "oakhampton"},
	"corriveau":   {"Corriveau Labs", "Corriveau", "the biotech firm", "Yusuf Demir", "pharma", "sorrento"},
	"bexley":      {"Bexley Airlines", "Bexley", "the airline", "Carla Nunes", "airline", "dunmore"},
	"skylark":     {"Skylark Air", "Skylark", "the low-cost carrier", "Pieter Volk", "airline", "vesterhaven"},
	"northwind":   {"Northwind Foods", "Northwind", "the grocer", "Amara Osei", "retail", "portalder"},
	"quillon":     {"Quillon Software", "Quillon", "the software group", "Theo Marchetti", "software", "caldera"},
	"halvorsen":   {"Halvorsen Shipping", "Halvorsen", "the shipping line", "Greta Halvorsen", "shipping", "brindle"},
	"ravenglass":  {"Ravenglass Steel", "Ravenglass", "the steelmaker", "Colm Brady", "steel", "saltgate"},
	"brightwater": {"Brightwater Energy", "Brightwater", "the energy group", "Nadia Petrov", "energy", "ostrava"},
	"marlowe":     {"Marlowe Automotive", "Marlowe", "the car company", "Siobhan Reyes", "cars", "dunmore"},
	"kestrel":     {"Kestrel Freight", "Kestrel", "the freight operator", "Bram Okonkwo", "shipping", "sorrento"},
	"pennant":     {"Pennant Systems", "Pennant", "the business software maker", "Ingrid Solberg", "software", "vesterhaven"},
}

// experts are quoted in stories; each outlet picks its own.
var experts = []string{
	"Priya Raman", "Tomas Okafor", "Sofia Marquez", "Anton Bjerke", "Lucia Ferrante", "Kwame Mensah",
	"Hannah Ostrowski", "Rafael Dominguez", "Yuki Arai", "Noor Siddiqui", "Elias Forsberg", "Marta Kowalczyk",
}

// bylines per outlet.
var staff = map[string][]string{
	"herald":  {"Ada Lindqvist", "Hugo Brandt", "Rosa Delgado", "Ken Ito"},
	"wire":    {"Samuel Grey", "Wire staff", "Ilse Maartens"},
	"courier": {"Jonas Ek", "Leila Haddad", "Beatriz Luz", "Owen Pryce"},
}
