package main

import (
	"flag"
	"io"

	"tantieme/app"
	"tantieme/app/export"
	"tantieme/ledger"
)

// residenceJSON is `residence FILE --json`.
type residenceJSON struct {
	Name          string `json:"name"`
	Address       string `json:"address"`
	Zip           string `json:"zip"`
	City          string `json:"city"`
	SIREN         string `json:"siren"`
	SyndicName    string `json:"syndic_name"`
	SyndicAddress string `json:"syndic_address"`
	SyndicPhone   string `json:"syndic_phone"`
	SyndicEmail   string `json:"syndic_email"`
	GeneralKey    string `json:"general_key"`
	SaleSplit     string `json:"sale_split"` // due or transfer
}

func init() {
	commands["residence"] = command{
		usage: "residence FICHIER [--name NOM] [--address ADRESSE] [--zip CP] [--city VILLE] [--siren SIREN] [--syndic NOM] [--syndic-address A] [--syndic-phone T] [--syndic-email E] [--general-key K] [--json]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			// Pointers to every setting, so that only the flags given change.
			set := map[string]func(*ledger.Residence, string){
				"name":           func(r *ledger.Residence, v string) { r.Name = v },
				"address":        func(r *ledger.Residence, v string) { r.Address = v },
				"zip":            func(r *ledger.Residence, v string) { r.Zip = v },
				"city":           func(r *ledger.Residence, v string) { r.City = v },
				"siren":          func(r *ledger.Residence, v string) { r.SIREN = v },
				"syndic":         func(r *ledger.Residence, v string) { r.SyndicName = v },
				"syndic-address": func(r *ledger.Residence, v string) { r.SyndicAddress = v },
				"syndic-phone":   func(r *ledger.Residence, v string) { r.SyndicPhone = v },
				"syndic-email":   func(r *ledger.Residence, v string) { r.SyndicEmail = v },
			}
			help := map[string]string{
				"name": "nom du syndicat des copropriétaires", "address": "adresse de la résidence", "zip": "code postal",
				"city": "ville", "siren": "SIREN du syndicat, 9 chiffres (nomme le fichier FEC) ; vide pour l'effacer",
				"syndic": "nom du syndic bénévole", "syndic-address": "adresse du syndic", "syndic-phone": "téléphone du syndic",
				"syndic-email": "courriel du syndic",
			}
			values := map[string]*string{}
			for name := range set {
				values[name] = fs.String(name, "", help[name])
			}
			generalKey := fs.String("general-key", "", "clé générale : ses tantièmes font les voix de l'assemblée et la clé par défaut (001 à la création)")
			saleSplit := fs.String("sale-split", "", "répartition de l'appel en cours lors d'une vente : due (appel entier au propriétaire à son échéance) ou transfer (prorata des jours à la date de la vente)")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				given := map[string]bool{}
				fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
				changes := false
				for name := range set {
					changes = changes || given[name]
				}
				if given["general-key"] {
					if err := setGeneralKey(pos[0], *generalKey); err != nil {
						return err
					}
				}
				if given["sale-split"] {
					if err := setSaleSplit(pos[0], *saleSplit); err != nil {
						return err
					}
				}
				if !changes {
					return showResidence(pos[0], *asJSON, out)
				}
				return saveResidence(pos[0], func(r *ledger.Residence) {
					for name, apply := range set {
						if given[name] {
							apply(r, *values[name])
						}
					}
				}, *asJSON, out)
			}
		},
	}
}

func showResidence(file string, asJSON bool, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	res, err := r.Info()
	if err != nil {
		return err
	}
	key, err := r.GeneralKey()
	if err != nil {
		return err
	}
	split, err := r.SaleSplitSetting()
	if err != nil {
		return err
	}
	return printResidence(res, key, split, asJSON, out)
}

// setGeneralKey chooses the general key (its own option, not a field of
// ledger.Residence).
func setGeneralKey(file, code string) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	return r.SetGeneralKey(code)
}

// setSaleSplit chooses who bears the running call on a sale (an option).
func setSaleSplit(file, code string) error {
	split, err := app.ParseSaleSplit(code)
	if err != nil {
		return err
	}
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	return r.SetSaleSplit(split)
}

func saveResidence(file string, change func(*ledger.Residence), asJSON bool, out io.Writer) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	res, err := r.Info()
	if err != nil {
		return err
	}
	change(&res)
	if res, err = r.SaveInfo(res); err != nil { // as stored: trimmed, SIREN without spaces
		return err
	}
	key, err := r.GeneralKey()
	if err != nil {
		return err
	}
	split, err := r.SaleSplitSetting()
	if err != nil {
		return err
	}
	return printResidence(res, key, split, asJSON, out)
}

func printResidence(r ledger.Residence, generalKey string, split app.SaleSplit, asJSON bool, out io.Writer) error {
	if asJSON {
		return writeJSON(out, residenceJSON{Name: r.Name, Address: r.Address, Zip: r.Zip, City: r.City, SIREN: r.SIREN,
			SyndicName: r.SyndicName, SyndicAddress: r.SyndicAddress, SyndicPhone: r.SyndicPhone, SyndicEmail: r.SyndicEmail,
			GeneralKey: generalKey, SaleSplit: string(split)})
	}
	siren := r.SIREN
	if siren == "" {
		siren = "aucun (le fichier FEC est nommé " + export.FECNoSIREN + "FEC…)"
	}
	t := newTable([]string{"Réglage", "Valeur"})
	for _, row := range [][2]string{
		{"Résidence", r.Name}, {"Adresse", r.Address}, {"Code postal", r.Zip}, {"Ville", r.City}, {"SIREN", siren},
		{"Syndic", r.SyndicName}, {"Adresse du syndic", r.SyndicAddress}, {"Téléphone du syndic", r.SyndicPhone},
		{"Courriel du syndic", r.SyndicEmail}, {"Clé générale (voix de l'assemblée)", generalKey},
		{"Répartition de l'appel en cours lors d'une vente", string(split) + " – " + split.Label()},
	} {
		t.add(row[0], row[1])
	}
	return t.write(out)
}
