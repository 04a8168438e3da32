package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"tantieme/app"
	"tantieme/app/assembly"
	"tantieme/internal/fr"
	"tantieme/ledger"
)

// agJSON is an assembly for `ag FILE list|show|create --json`. Dates are
// YYYY-MM-DD, "" when not set; exercise is the submitted accounts' year, 0
// for none.
type agJSON struct {
	ID           int64              `json:"id"`
	Date         string             `json:"date"`
	Time         string             `json:"time"`
	Place        string             `json:"place"`
	Kind         string             `json:"kind"`
	Exercise     int                `json:"exercise"`
	ConsultFrom  string             `json:"consult_from"`
	ConsultTo    string             `json:"consult_to"`
	ConsultPlace string             `json:"consult_place"`
	ConvenedOn   string             `json:"convened_on"`
	Status       string             `json:"status"`
	Warning      string             `json:"warning,omitempty"`
	Resolutions  []agResolutionJSON `json:"resolutions"`
	Documents    []agDocumentJSON   `json:"documents,omitempty"`
	Attendance   []agAttendanceJSON `json:"attendance,omitempty"`
	Votes        []agVoteJSON       `json:"votes,omitempty"`
	President    string             `json:"president,omitempty"`
	Secretary    string             `json:"secretary,omitempty"`
	Scrutineers  string             `json:"scrutineers,omitempty"`
}

type agResolutionJSON struct {
	ID          int64  `json:"id"`
	Number      int    `json:"number"`
	Title       string `json:"title"`
	Text        string `json:"text"`
	Article     string `json:"article"`
	Key         string `json:"key"` // "" for the general key
	Kind        string `json:"kind"`
	Outcome     string `json:"outcome"`
	Fingerprint string `json:"fingerprint"`
	Amended     bool   `json:"amended"`
}

type agDocumentJSON struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

type agAttendanceJSON struct {
	Owner        string `json:"owner"`
	Status       string `json:"status"`
	ProxyOwner   string `json:"proxy_owner"`
	ProxyName    string `json:"proxy_name"`
	FormReceived string `json:"form_received"`
	ProxyRank    int    `json:"proxy_rank"`
	ProxyTie     string `json:"proxy_tie"`
}

type agVoteJSON struct {
	Resolution int64  `json:"resolution"`
	Owner      string `json:"owner"`
	Round      int    `json:"round"`
	Choice     string `json:"choice"`
}

func init() {
	commands["ag"] = command{
		usage: "ag FICHIER list [--json] | ag FICHIER create --date D --time HH:MM --place P [--kind ordinaire|extraordinaire] [--exercise N] [--json]" +
			" | ag FICHIER resolution --ag ID --title T --text X --article 24|25|26|unanimite [--key K] [--kind budget|accounts|works|other] [--exercise N]" +
			" | ag FICHIER attach --ag ID --document DOCID | ag FICHIER convocations --ag ID [--out DOSSIER] [--date D]" +
			" | ag FICHIER attendance --ag ID --owner 450xxx --status present|represented|postal|absent [--proxy 450yyy|--proxy-name N] [--received D]" +
			" | ag FICHIER show --ag ID [--json]" +
			" | ag FICHIER vote --ag ID --resolution N --owner 450xxx --choice pour|contre|abstention [--round 2]" +
			" | ag FICHIER vote --ag ID --resolution N --all pour|contre|abstention [--except 450xxx=contre,…] [--round 2]" +
			" | ag FICHIER amend --ag ID --resolution N [--off] | ag FICHIER results --ag ID [--json] | ag FICHIER hold --ag ID --date D" +
			" | ag FICHIER minutes --ag ID [--out PDF] | ag FICHIER sheet --ag ID [--out PDF]" +
			" | ag FICHIER bureau --ag ID --president P --secretary S [--scrutineers \"A, B\"]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			id := fs.Int64("ag", 0, "numéro de l'assemblée générale")
			date := fs.String("date", "", "date de l'assemblée (create) ou de l'envoi des convocations (convocations), AAAA-MM-JJ")
			hour := fs.String("time", "", "heure de l'assemblée, HH:MM")
			place := fs.String("place", "", "lieu de l'assemblée")
			kind := fs.String("kind", "", "genre : ordinaire ou extraordinaire (create) ; budget, accounts, works ou other (resolution)")
			exercise := fs.Int("exercise", 0, "année de l'exercice dont les comptes sont soumis (create) ou du budget/des comptes (resolution)")
			title := fs.String("title", "", "titre de la résolution")
			text := fs.String("text", "", "texte du projet de résolution")
			article := fs.String("article", "24", "majorité : 24, 25, 26 ou unanimite")
			key := fs.String("key", "", "clé dont les tantièmes votent (par défaut la clé générale)")
			doc := fs.Int64("document", 0, "numéro du document du registre à joindre")
			outDir := fs.String("out", "", "dossier des convocations, ou fichier PDF du procès-verbal ou de la feuille de présence (par défaut le dossier des documents, « Assemblées générales »)")
			owner := fs.String("owner", "", "compte du copropriétaire (450xxx)")
			status := fs.String("status", "", "present, represented, postal ou absent")
			proxy := fs.String("proxy", "", "compte du copropriétaire mandataire")
			proxyName := fs.String("proxy-name", "", "nom du mandataire qui n'est pas copropriétaire")
			received := fs.String("received", "", "date de réception du formulaire de vote par correspondance")
			asJSON := fs.Bool("json", false, "sortie JSON")
			rank := fs.Int("rank", 0, "rang du pouvoir chez son mandataire (1, 2, 3…)")
			tie := fs.String("tie", "", "lien du mandataire avec le syndic : syndic, spouse, family ou employee")
			resolution := fs.Int("resolution", 0, "numéro de la résolution à l'ordre du jour")
			choice := fs.String("choice", "", "vote : pour, contre ou abstention")
			all := fs.String("all", "", "le même vote pour tous les présents et représentés : pour, contre ou abstention")
			except := fs.String("except", "", "avec --all, les exceptions : 450xxx=contre,450yyy=abstention")
			round := fs.Int("round", 1, "tour de vote : 1, ou 2 pour le second vote (art. 25-1, art. 26)")
			president := fs.String("president", "", "président de séance")
			secretary := fs.String("secretary", "", "secrétaire de séance")
			scrutineers := fs.String("scrutineers", "", "scrutateurs, séparés par des virgules")
			off := fs.Bool("off", false, "avec amend : la résolution n'est plus amendée")
			return func(pos []string, out io.Writer) error {
				if len(pos) == 0 {
					return usagef("un fichier de résidence (.copro) attendu")
				}
				file, verb := pos[0], "list"
				if len(pos) > 1 {
					verb = pos[1]
				}
				needAG := func() error {
					if *id <= 0 {
						return usagef("--ag ID : le numéro de l'assemblée générale (ag FICHIER list)")
					}
					return nil
				}
				optDate := func(flag, s string) (time.Time, error) {
					if s == "" {
						return time.Time{}, nil
					}
					d, err := ledger.ParseDate(s)
					if err != nil {
						return d, usagef("%s : %s", flag, ledger.Message(err))
					}
					return d, nil
				}
				switch verb {
				case "list":
					return withAG(file, func(r *app.Residence) error { return listAGs(r, *asJSON, out) })
				case "create":
					day, err := optDate("--date", *date)
					if err != nil {
						return err
					}
					if day.IsZero() || *hour == "" || *place == "" {
						return usagef("ag FICHIER create --date D --time HH:MM --place P")
					}
					a := ledger.Assembly{Day: day, Time: *hour, Place: *place, Kind: *kind}
					return withAG(file, func(r *app.Residence) error {
						if a.Exercise, err = exerciseID(r, *exercise); err != nil {
							return err
						}
						warning, err := assembly.Save(r, &a)
						if err != nil {
							return err
						}
						if *asJSON {
							d, err := assembly.Load(r, a.ID)
							if err != nil {
								return err
							}
							j := agOf(r, d)
							j.Warning = warning
							return writeJSON(out, j)
						}
						fmt.Fprintf(out, "Assemblée générale n° %d créée : %s à %s.\n", a.ID, a.Title(), a.Time)
						if warning != "" {
							fmt.Fprintln(out, warning)
						}
						return nil
					})
				case "resolution":
					if err := needAG(); err != nil {
						return err
					}
					art, err := ledger.ParseArticle(*article)
					if err != nil {
						return usagef("--article : %s", ledger.Message(err))
					}
					res := ledger.Resolution{Assembly: *id, Title: *title, Text: *text, Article: art, Key: strings.TrimSpace(*key), Kind: *kind}
					return withAG(file, func(r *app.Residence) error {
						if res.Exercise, err = exerciseID(r, *exercise); err != nil {
							return err
						}
						if err := assembly.SaveResolution(r, &res); err != nil {
							return err
						}
						fmt.Fprintf(out, "Résolution n° %d ajoutée à l'ordre du jour (id %d) : %s – %s.\n", res.Number, res.ID, res.Title, ledger.ArticleWords[res.Article])
						return nil
					})
				case "attach":
					if err := needAG(); err != nil {
						return err
					}
					if *doc <= 0 {
						return usagef("--document DOCID : le numéro du document (documents FICHIER)")
					}
					return withAG(file, func(r *app.Residence) error {
						if err := assembly.Attach(r, *id, *doc); err != nil {
							return err
						}
						fmt.Fprintf(out, "Document %d joint à la convocation de l'assemblée n° %d.\n", *doc, *id)
						return nil
					})
				case "convocations":
					if err := needAG(); err != nil {
						return err
					}
					sent, err := optDate("--date", *date)
					if err != nil {
						return err
					}
					return withAG(file, func(r *app.Residence) error {
						res, err := assembly.WriteConvocations(r, *id, assembly.ConvocationOptions{Dir: *outDir, Sent: sent})
						if err != nil {
							return err
						}
						n := len(res.Files)
						fmt.Fprintf(out, "%s écrite%s dans %s (convocation, ordre du jour, formulaire de vote par correspondance, pouvoir) et inscrite%s au registre des documents.\n",
							fr.Count(n, "convocation", "convocations"), fr.S(n), res.Dir, fr.S(n))
						fmt.Fprintf(out, "Toutes les convocations pour l'impression : %s\n", res.Combined)
						if a := res.Assembly; !a.ConsultFrom.IsZero() {
							fmt.Fprintf(out, "Consultation des pièces justificatives : du %s au %s, %s.\n",
								ledger.FrenchDate(a.ConsultFrom), ledger.FrenchDate(a.ConsultTo), strings.ReplaceAll(a.ConsultPlace, "\n", ", "))
						}
						if res.Warning != "" {
							fmt.Fprintln(out, res.Warning)
						}
						return nil
					})
				case "attendance":
					if err := needAG(); err != nil {
						return err
					}
					if *owner == "" || *status == "" {
						return usagef("ag FICHIER attendance --ag ID --owner 450xxx --status present|represented|postal|absent")
					}
					at := ledger.Attendance{Assembly: *id, Owner: strings.TrimSpace(*owner), Status: strings.TrimSpace(*status),
						ProxyOwner: strings.TrimSpace(*proxy), ProxyName: *proxyName, ProxyRank: *rank, ProxyTie: strings.TrimSpace(*tie)}
					var err error
					if at.FormReceived, err = optDate("--received", *received); err != nil {
						return err
					}
					return withAG(file, func(r *app.Residence) error {
						if err := assembly.SetAttendance(r, at); err != nil {
							return err
						}
						fmt.Fprintf(out, "Copropriétaire %s : %s.\n", at.Owner, attendanceText(at))
						return nil
					})
				case "show":
					if err := needAG(); err != nil {
						return err
					}
					return withAG(file, func(r *app.Residence) error {
						d, err := assembly.Load(r, *id)
						if err != nil {
							return err
						}
						if *asJSON {
							return writeJSON(out, agOf(r, d))
						}
						return showAG(r, d, out)
					})
				case "vote", "amend":
					if err := needAG(); err != nil {
						return err
					}
					if *resolution <= 0 {
						return usagef("--resolution N : le numéro de la résolution à l'ordre du jour")
					}
					if verb == "amend" {
						return withAG(file, func(r *app.Residence) error {
							if err := assembly.SetAmended(r, *id, *resolution, !*off); err != nil {
								return err
							}
							if *off {
								fmt.Fprintf(out, "Résolution %d : n'est plus amendée en séance.\n", *resolution)
							} else {
								fmt.Fprintf(out, "Résolution %d : amendée en séance ; un vote « pour » par correspondance y compte défaillant (loi du 10 juillet 1965, art. 17-1 A).\n", *resolution)
							}
							return nil
						})
					}
					if (*all == "") == (*owner == "") {
						return usagef("ag FICHIER vote : --owner 450xxx --choice C, ou --all C [--except …]")
					}
					if *owner != "" && *choice == "" {
						return usagef("--choice : pour, contre ou abstention")
					}
					if *all == "" && *except != "" {
						return usagef("--except va avec --all")
					}
					if *round != 1 && *round != 2 {
						return usagef("--round : 1, ou 2 pour le second vote")
					}
					v := agVoteArgs{id: *id, resolution: *resolution, round: *round, owner: strings.TrimSpace(*owner), choice: *choice, all: *all, except: *except}
					return withAG(file, func(r *app.Residence) error { return agVote(r, v, out) })
				case "bureau":
					if err := needAG(); err != nil {
						return err
					}
					if strings.TrimSpace(*president) == "" {
						return usagef("ag FICHIER bureau --ag ID --president P --secretary S [--scrutineers \"A, B\"]")
					}
					return withAG(file, func(r *app.Residence) error {
						if err := assembly.SetBureau(r, *id, *president, *secretary, *scrutineers); err != nil {
							return err
						}
						fmt.Fprintf(out, "Bureau de l'assemblée n° %d : président %s, secrétaire %s, scrutateurs %s.\n", *id,
							ledger.SafeText(*president, false), orNone(*secretary), orNone(*scrutineers))
						return nil
					})
				case "results":
					if err := needAG(); err != nil {
						return err
					}
					return withAG(file, func(r *app.Residence) error { return agResults(r, *id, *asJSON, out) })
				case "hold":
					if err := needAG(); err != nil {
						return err
					}
					day, err := optDate("--date", *date)
					if err != nil {
						return err
					}
					if day.IsZero() {
						return usagef("ag FICHIER hold --ag ID --date D : le jour où l'assemblée s'est tenue")
					}
					return withAG(file, func(r *app.Residence) error { return agHold(r, *id, day, out) })
				case "minutes":
					if err := needAG(); err != nil {
						return err
					}
					return withAG(file, func(r *app.Residence) error {
						path, err := assembly.WriteMinutes(r, *id, *outDir)
						if err != nil {
							return err
						}
						d, err := assembly.Load(r, *id)
						if err != nil {
							return err
						}
						what := "Procès-verbal"
						if d.Assembly.Status != ledger.AssemblyHeld {
							what = assembly.DraftMinutesTitle
						}
						fmt.Fprintf(out, "%s de l'%s écrit dans %s et inscrit au registre des documents.\n", what, fr.LowerFirst(d.Assembly.Title()), path)
						return nil
					})
				case "sheet":
					if err := needAG(); err != nil {
						return err
					}
					return withAG(file, func(r *app.Residence) error {
						path, sheet, err := assembly.WriteAttendance(r, *id, *outDir)
						if err != nil {
							return err
						}
						fmt.Fprintf(out, "Feuille de présence de l'assemblée du %s : %s, %s tantièmes – écrite dans %s et inscrite au registre des documents.\n",
							ledger.FrenchDate(sheet.Date), fr.Count(len(sheet.Owners), "copropriétaire", "copropriétaires"), fr.Shares(sheet.Votes), path)
						return nil
					})
				}
				return usagef("« %s » : list, create, resolution, attach, convocations, attendance, show, vote, amend, bureau, results, hold, minutes ou sheet attendu", verb)
			}
		},
	}
}

// withAG opens the residence for an ag subcommand.
func withAG(file string, fn func(r *app.Residence) error) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	return fn(r)
}

// exerciseID is the id of the exercise of year y, 0 for y 0.
func exerciseID(r *app.Residence, y int) (int64, error) {
	if y == 0 {
		return 0, nil
	}
	ex, err := r.ExerciseOfYear(y)
	return ex.ID, err
}

// exerciseYears maps exercise ids to their years.
func exerciseYears(r *app.Residence) map[int64]int {
	out := map[int64]int{}
	list, _ := r.Exercises()
	for _, ex := range list {
		out[ex.ID] = ex.Year()
	}
	return out
}

func agOf(r *app.Residence, d assembly.Detail) agJSON {
	a := d.Assembly
	j := agJSON{ID: a.ID, Date: ledger.ISO(a.Day), Time: a.Time, Place: a.Place, Kind: a.Kind, Exercise: exerciseYears(r)[a.Exercise],
		ConsultFrom: ledger.ISO(a.ConsultFrom), ConsultTo: ledger.ISO(a.ConsultTo), ConsultPlace: a.ConsultPlace,
		ConvenedOn: ledger.ISO(a.ConvenedOn), Status: a.Status, President: a.President, Secretary: a.Secretary, Scrutineers: a.Scrutineers,
		Resolutions: []agResolutionJSON{}}
	for _, x := range d.Resolutions {
		j.Resolutions = append(j.Resolutions, agResolutionJSON{ID: x.ID, Number: x.Number, Title: x.Title, Text: x.Text, Article: x.Article,
			Key: x.Key, Kind: x.Kind, Outcome: x.Outcome, Fingerprint: x.Fingerprint, Amended: x.Amended})
	}
	for _, x := range d.Documents {
		j.Documents = append(j.Documents, agDocumentJSON{ID: x.ID, Title: x.Title})
	}
	for _, x := range d.Attendance {
		j.Attendance = append(j.Attendance, agAttendanceJSON{Owner: x.Owner, Status: x.Status, ProxyOwner: x.ProxyOwner, ProxyName: x.ProxyName,
			FormReceived: ledger.ISO(x.FormReceived), ProxyRank: x.ProxyRank, ProxyTie: x.ProxyTie})
	}
	for _, x := range d.Votes {
		j.Votes = append(j.Votes, agVoteJSON{Resolution: x.Resolution, Owner: x.Owner, Round: x.Round, Choice: x.Choice})
	}
	return j
}

func listAGs(r *app.Residence, asJSON bool, out io.Writer) error {
	list, err := assembly.List(r)
	if err != nil {
		return err
	}
	if asJSON {
		all := []agJSON{}
		for _, a := range list {
			d, err := assembly.Load(r, a.ID)
			if err != nil {
				return err
			}
			all = append(all, agOf(r, d))
		}
		return writeJSON(out, all)
	}
	if len(list) == 0 {
		fmt.Fprintln(out, "Aucune assemblée générale.")
		return nil
	}
	t := newTable([]string{"N°", "Date", "Heure", "Genre", "État", "Convocations", "Lieu"}, 0)
	for _, a := range list {
		t.add(strconv.FormatInt(a.ID, 10), ledger.FrenchDate(a.Day), a.Time, a.Kind, ledger.AssemblyStatusWords[a.Status],
			ledger.FrenchDate(a.ConvenedOn), strings.ReplaceAll(a.Place, "\n", ", "))
	}
	return t.write(out)
}

func attendanceText(a ledger.Attendance) string {
	s := ledger.AttendanceWords[a.Status]
	switch {
	case a.ProxyOwner != "":
		s += " par " + a.ProxyOwner
	case a.ProxyName != "":
		s += " par " + a.ProxyName
	case !a.FormReceived.IsZero():
		s += ", formulaire reçu le " + ledger.FrenchDate(a.FormReceived)
	}
	return s
}

func showAG(r *app.Residence, d assembly.Detail, out io.Writer) error {
	a := d.Assembly
	fmt.Fprintf(out, "%s à %s (n° %d, %s)\n", a.Title(), a.Time, a.ID, ledger.AssemblyStatusWords[a.Status])
	fmt.Fprintf(out, "Lieu : %s\n", ledger.SafeText(strings.ReplaceAll(a.Place, "\n", ", "), false))
	if y := exerciseYears(r)[a.Exercise]; y != 0 {
		fmt.Fprintf(out, "Comptes soumis : exercice %d\n", y)
	}
	if !a.ConsultFrom.IsZero() {
		fmt.Fprintf(out, "Consultation des pièces justificatives : du %s au %s, %s\n", ledger.FrenchDate(a.ConsultFrom), ledger.FrenchDate(a.ConsultTo),
			ledger.SafeText(strings.ReplaceAll(a.ConsultPlace, "\n", ", "), false))
	}
	if !a.ConvenedOn.IsZero() {
		fmt.Fprintf(out, "Convocations envoyées le %s\n", ledger.FrenchDate(a.ConvenedOn))
	}
	fmt.Fprintln(out, "\nOrdre du jour :")
	if len(d.Resolutions) == 0 {
		fmt.Fprintln(out, "  (vide)")
	}
	for _, x := range d.Resolutions {
		key := "clé générale"
		if x.Key != "" {
			key = "clé " + x.Key
		}
		fmt.Fprintf(out, "  %d. %s – art. %s, %s (id %d)\n", x.Number, ledger.SafeText(x.Title, false), x.Article, key, x.ID)
	}
	if len(d.Documents) > 0 {
		fmt.Fprintln(out, "\nDocuments joints :")
		for _, x := range d.Documents {
			fmt.Fprintf(out, "  %d  %s\n", x.ID, ledger.SafeText(x.Title, false))
		}
	}
	if len(d.Attendance) > 0 {
		fmt.Fprintln(out, "\nFeuille de présence :")
		t := newTable([]string{"Compte", "Présence"})
		for _, x := range d.Attendance {
			t.add(x.Owner, attendanceText(x))
		}
		if err := t.write(out); err != nil {
			return err
		}
	}
	return nil
}
