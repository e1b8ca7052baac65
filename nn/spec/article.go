package spec

// ArticleStep is one line of the article's training log.
type ArticleStep struct {
	Loss, TrainAcc, TestAcc float64
}

// ArticleLog is the log of the article's own run (its sigmoid sign slip,
// numpy's random streams, 15 steps of the article's settings), shown
// beside ours on the page. Different streams give different digits; the
// shape — from 0.5 to about 0.96 accuracy, loss from 0.61 to 0.20 — is
// what to compare.
var ArticleLog = []ArticleStep{
	{0.6122528366269887, 0.5, 0.5},
	{0.6171530277844487, 0.85, 0.85},
	{0.5603608447954526, 0.89, 0.89},
	{0.49351229689788956, 0.9133333333333333, 0.89},
	{0.4756502123891248, 0.95, 0.95},
	{0.4287426828536864, 0.94, 0.93},
	{0.377243078578998, 0.97, 0.96},
	{0.35549749153641685, 0.95, 0.95},
	{0.34160940378343, 0.96, 0.95},
	{0.31175165373977165, 0.95, 0.95},
	{0.2643838977401827, 0.96, 0.95},
	{0.2630312131351989, 0.97, 0.96},
	{0.23896073382588487, 0.96, 0.96},
	{0.23168796117264637, 0.97, 0.96},
	{0.19577869153575023, 0.96, 0.96},
}
