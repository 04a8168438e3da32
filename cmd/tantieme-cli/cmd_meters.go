package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// meterJSON is a meter and its year, for `meters FILE list --json`.
// Numbers (indexes, consumptions, prices) are decimal strings with a dot,
// amounts strings of euros with a dot ("2190.00"), as elsewhere in the CLI.
type meterJSON struct {
	Code        string             `json:"code"`
	Year        int                `json:"year"`
	Label       string             `json:"label"`
	Unit        string             `json:"unit"`
	UnitPrice   string             `json:"unit_price"`
	EstimateKey string             `json:"estimate_key"`
	ActualKey   string             `json:"actual_key"`
	Consumption string             `json:"consumption"`
	Estimate    string             `json:"estimate"`
	Total       string             `json:"total"`
	General     *meterGeneralJSON  `json:"general"`
	Readings    []meterReadingJSON `json:"readings"`
}

type meterGeneralJSON struct {
	Old         string `json:"old_index"`
	New         string `json:"new_index"`
	Consumption string `json:"consumption"`
	Total       string `json:"total"`
	Common      string `json:"common_consumption"`
	CommonTotal string `json:"common_total"`
}

type meterReadingJSON struct {
	Lot          string `json:"lot"`
	Period       string `json:"period"`
	Old          string `json:"old_index"`
	New          string `json:"new_index"`
	ChangedEnd   string `json:"changed_end,omitempty"`
	ChangedStart string `json:"changed_start,omitempty"`
	Consumption  string `json:"consumption"`
	Forced       bool   `json:"forced"`
	Flat         bool   `json:"flat"`
	Reason       string `json:"reason"`
	Estimate     string `json:"estimate"`
	Gap          string `json:"gap"`
	Total        string `json:"total"`
}

func init() {
	commands["meters"] = command{
		usage: "meters FICHIER [list] [--year N] [--json] | meters FICHIER add --meter C --year N --label L --estimate-key K --actual-key K [--unit U] [--price P] [--general-old X --general-new Y]" +
			" | meters FICHIER generate --year N [--meter C] [--period P] | meters FICHIER import CLASSEUR --year N [--meter C]" +
			" | meters FICHIER apply --year N --key K | meters FICHIER sheet --year N [--meter C]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			year := fs.Int("year", 0, "année du compteur")
			code := fs.String("meter", "", "code du compteur (facultatif quand l'année n'en a qu'un)")
			key := fs.String("key", "", "clé à mettre à jour (celle de l'estimation ou celle de la consommation réelle du compteur)")
			label := fs.String("label", "", "libellé du compteur")
			unit := fs.String("unit", "m3", "unité du compteur")
			price := fs.String("price", "0", "prix unitaire en euros (3 ou 3,125)")
			estimateKey := fs.String("estimate-key", "", "clé de l'estimation (appels)")
			actualKey := fs.String("actual-key", "", "clé de la consommation réelle (clôture)")
			gOld := fs.String("general-old", "", "ancien index du compteur général")
			gNew := fs.String("general-new", "", "nouvel index du compteur général")
			period := fs.String("period", "", "période des relevés générés")
			asJSON := fs.Bool("json", false, "sortie JSON")
			return func(pos []string, out io.Writer) error {
				if len(pos) == 0 {
					return usagef("un fichier de résidence (.copro) attendu")
				}
				file, verb := pos[0], "list"
				if len(pos) > 1 {
					verb = pos[1]
				}
				needYear := func() error {
					if *year == 0 {
						return usagef("--year N : l'année du compteur")
					}
					return nil
				}
				switch verb {
				case "list":
					return listMeters(file, *year, *asJSON, out)
				case "add":
					if err := needYear(); err != nil {
						return err
					}
					m := ledger.Meter{Code: *code, Year: *year, Label: *label, Unit: *unit, EstimateKey: *estimateKey, ActualKey: *actualKey}
					var err error
					if m.UnitPrice, err = app.ParseShares(*price); err != nil {
						return usagef("--price : %s", ledger.Message(err))
					}
					if *gOld != "" || *gNew != "" {
						m.HasGeneral = true
						if m.GeneralOld, err = app.ParseShares(*gOld); err != nil {
							return usagef("--general-old : %s", ledger.Message(err))
						}
						if m.GeneralNew, err = app.ParseShares(*gNew); err != nil {
							return usagef("--general-new : %s", ledger.Message(err))
						}
					}
					return withMeters(file, func(r *app.Residence) error {
						if err := r.SaveMeter(m, true); err != nil {
							return err
						}
						fmt.Fprintf(out, "Compteur %s de %d créé.\n", strings.ToUpper(m.Code), m.Year)
						return nil
					})
				case "generate", "import", "sheet":
					if err := needYear(); err != nil {
						return err
					}
					if verb == "import" && len(pos) != 3 {
						return usagef("meters FICHIER import CLASSEUR --year N : le classeur des relevés attendu")
					}
					return withMeters(file, func(r *app.Residence) error {
						c, err := meterCode(r, *year, *code)
						if err != nil {
							return err
						}
						switch verb {
						case "generate":
							n, err := r.GenerateMeterReadings(c, *year, *period)
							if err != nil {
								return err
							}
							fmt.Fprintf(out, "%s ajoutée%s au compteur %s de %d.\n", fr.Count(n, "ligne de relevé", "lignes de relevé"), fr.S(n), c, *year)
						case "import":
							res, err := r.ImportMeterReadings(c, *year, pos[2])
							if err != nil {
								return err
							}
							fmt.Fprintf(out, "%s importé%s dans le compteur %s de %d.\n", fr.Count(res.Rows, "relevé", "relevés"), fr.S(res.Rows), c, *year)
						case "sheet":
							path, err := r.WriteMeterSheet(c, *year, time.Now())
							if err != nil {
								return err
							}
							fmt.Fprintf(out, "Relevé du compteur %s de %d écrit : %s\n", c, *year, path)
						}
						return nil
					})
				case "apply":
					if err := needYear(); err != nil {
						return err
					}
					if *key == "" {
						return usagef("--key K : la clé à mettre à jour")
					}
					return withMeters(file, func(r *app.Residence) error {
						m, role, err := r.MeterOfKey(*year, *key)
						if err != nil {
							return err
						}
						ch, err := r.ApplyMeterKey(m.Code, m.Year, role)
						if err != nil {
							return err
						}
						fmt.Fprintln(out, fr.Sentence(fr.UpperFirst(app.MeterChangeText(ch))))
						return nil
					})
				}
				return usagef("« %s » : list, add, generate, import, apply ou sheet attendu", verb)
			}
		},
	}
}

func withMeters(file string, fn func(r *app.Residence) error) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	return fn(r)
}

// meterCode is the meter named, or the year's only one.
func meterCode(r *app.Residence, year int, code string) (string, error) {
	if code != "" {
		return strings.ToUpper(strings.TrimSpace(code)), nil
	}
	list, err := r.Meters()
	if err != nil {
		return "", err
	}
	var codes []string
	for _, m := range list {
		if m.Year == year {
			codes = append(codes, m.Code)
		}
	}
	switch len(codes) {
	case 0:
		return "", ledger.Errorf(ledger.NotFound, "Aucun compteur en %d : créez-le avec « meters FICHIER add »", year)
	case 1:
		return codes[0], nil
	}
	return "", usagef("--meter : %d a plusieurs compteurs (%s)", year, strings.Join(codes, ", "))
}

func listMeters(file string, year int, asJSON bool, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	list, err := r.Meters()
	if err != nil {
		return err
	}
	var sts []ledger.MeterStatement
	for _, m := range list {
		if year != 0 && m.Year != year {
			continue
		}
		st, err := r.MeterStatement(m.Code, m.Year)
		if err != nil {
			return err
		}
		sts = append(sts, st)
	}
	if asJSON {
		js := make([]meterJSON, 0, len(sts))
		for _, st := range sts {
			js = append(js, meterToJSON(st))
		}
		return printJSON(out, js)
	}
	if len(sts) == 0 {
		fmt.Fprintln(out, "Aucun compteur : créez-en un avec « meters FICHIER add --meter EAU --year N --label … --estimate-key K --actual-key K ».")
		return nil
	}
	t := newTable([]string{"Compteur", "Année", "Libellé", "Clés", "Lots", "Consommation", "Total", "Commune"}, 0)
	for _, st := range sts {
		m := st.Meter
		common := ""
		if m.HasGeneral {
			common = fr.Shares(st.Common) + " " + m.Unit + " — " + st.CommonTotal.String()
		}
		t.add(m.Code, fmt.Sprint(m.Year), m.Label, m.EstimateKey+" / "+m.ActualKey, fmt.Sprint(len(st.Lines)),
			fr.Shares(st.Consumption)+" "+m.Unit, st.Total.String(), common)
	}
	return t.write(out)
}

func meterToJSON(st ledger.MeterStatement) meterJSON {
	m := st.Meter
	j := meterJSON{Code: m.Code, Year: m.Year, Label: m.Label, Unit: m.Unit, UnitPrice: m.UnitPrice.String(), EstimateKey: m.EstimateKey,
		ActualKey: m.ActualKey, Consumption: st.Consumption.String(), Estimate: st.Estimate.String(), Total: st.Total.Plain(),
		Readings: []meterReadingJSON{}}
	if m.HasGeneral {
		j.General = &meterGeneralJSON{Old: m.GeneralOld.String(), New: m.GeneralNew.String(), Consumption: st.General.String(),
			Total: st.GeneralTotal.Plain(), Common: st.Common.String(), CommonTotal: st.CommonTotal.Plain()}
	}
	opt := func(ok bool, d decimal.Decimal) string {
		if !ok {
			return ""
		}
		return d.String()
	}
	for _, l := range st.Lines {
		j.Readings = append(j.Readings, meterReadingJSON{Lot: l.Lot, Period: l.Period, Old: l.Old.String(), New: l.New.String(),
			ChangedEnd: opt(l.Changed, l.ChangedEnd), ChangedStart: opt(l.Changed, l.ChangedStart), Consumption: l.Consumption.String(),
			Forced: l.Forced, Flat: l.Flat, Reason: l.Reason, Estimate: l.Estimate.String(), Gap: l.Gap.String(), Total: l.Total.Plain()})
	}
	return j
}
