package cfonb

// op240 is what the CFONB 240 brochure (§1 and the detail tables of §3.2.2)
// says of an operation code: its name, the way it moves the customer's
// account, and the layout of its detail record.
type op240 struct {
	name   string
	sign   int // +1 money in, -1 money out, 0 a notice that moves no money (amount zero)
	layout int
}

// Detail record layouts. Most operations put one party at 22-66 and the
// other at 78-122 (which one is the customer depends on the operation: we
// find it by its account number), a presenter's reference at 123-128 and
// two labels after 153; rejects have 31-character labels; the cheques have
// layouts of their own.
const (
	layoutTransfer     = iota // labels 153-184 and 185-216
	layoutReject              // labels 153-183 and 184-214
	layoutCheque              // code 40: account debited 17-38, holder 39-62, cheque number 63-69, bank's reference 70-93
	layoutChequeReject        // code 41: depositor 22-42, cheque number 64-70, reference 95-118
)

var ops240 = map[string]op240{
	"20": {"Virement reçu", +1, layoutTransfer},
	"21": {"Virement rejeté", +1, layoutReject},
	"22": {"Virement particulier", +1, layoutTransfer},
	"23": {"Virement rectifié ou à vérifier", 0, layoutTransfer},
	"24": {"Virement particulier rejeté", +1, layoutReject},
	"27": {"Virement à échéance trois jours", +1, layoutTransfer},
	"28": {"Virement à échéance deux jours", +1, layoutTransfer},
	"33": {"Notification d'APL", 0, layoutTransfer},
	"40": {"Chèque à payer", -1, layoutCheque},
	"41": {"Chèque rejeté", -1, layoutChequeReject},
	"61": {"Effet de commerce rejeté", -1, layoutReject},
	"63": {"Effet de commerce rectifié ou à vérifier", 0, layoutReject},
	"70": {"TIP à payer", -1, layoutTransfer},
	"71": {"TIP rejeté", -1, layoutReject},
	"73": {"Virement référencé", +1, layoutTransfer},
	"75": {"Virement TIP", +1, layoutTransfer},
	"76": {"Virement spécifique orienté trésorerie", +1, layoutTransfer},
	"77": {"Virement d'origine extérieure", +1, layoutTransfer},
	"78": {"Virement EDI", +1, layoutTransfer},
	"79": {"Virement d'origine extérieure net de frais", +1, layoutTransfer},
	"80": {"Prélèvement", -1, layoutTransfer},
	"81": {"Prélèvement rejeté", -1, layoutReject},
	"82": {"Prélèvement spécial", -1, layoutTransfer},
	"83": {"Prélèvement rectifié ou à vérifier", 0, layoutTransfer},
	"84": {"Prélèvement spécial rejeté", -1, layoutReject},
	"85": {"Prélèvement accéléré", -1, layoutTransfer},
	"86": {"Télérèglement", -1, layoutTransfer},
	"88": {"Télérèglement rejeté", -1, layoutReject},
}
