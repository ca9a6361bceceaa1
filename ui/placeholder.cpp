namespace Gloss::Ui {}
