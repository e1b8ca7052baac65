package view

import "github.com/hexops/vecty"

// After each render of a component, vecty keeps a shallow copy of it to
// hand its SkipRender as the previous one. A shallow copy copies the
// component's vecty.Core too, and with it the copy kept after the render
// before: each copy holds the one before, and every render of the
// component, with the elements and the text it made, stays in memory for
// as long as the page is open. A run of 10,000 steps, drawn ten times a
// second, held on to 450 MB that way and kept every table row it had
// removed. Each Copy here (vecty's Copier) copies the props and leaves the
// Core empty; TestEveryComponentCopies, in package app, checks that no
// component lacks one.

func (c *AccuracyChart) Copy() vecty.Component   { d := *c; d.Core = vecty.Core{}; return &d }
func (c *ArticleCompare) Copy() vecty.Component  { d := *c; d.Core = vecty.Core{}; return &d }
func (c *ArticleHead) Copy() vecty.Component     { d := *c; d.Core = vecty.Core{}; return &d }
func (c *ArticleLegend) Copy() vecty.Component   { d := *c; d.Core = vecty.Core{}; return &d }
func (c *ArticleRow) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *BugBanner) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *BugHunt) Copy() vecty.Component         { d := *c; d.Core = vecty.Core{}; return &d }
func (c *ChartAxes) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *Colophon) Copy() vecty.Component        { d := *c; d.Core = vecty.Core{}; return &d }
func (c *CostChart) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *CostLine) Copy() vecty.Component        { d := *c; d.Core = vecty.Core{}; return &d }
func (c *EmbedBar) Copy() vecty.Component        { d := *c; d.Core = vecty.Core{}; return &d }
func (c *GradCheckPanel) Copy() vecty.Component  { d := *c; d.Core = vecty.Core{}; return &d }
func (c *HSweepChart) Copy() vecty.Component     { d := *c; d.Core = vecty.Core{}; return &d }
func (c *Intro) Copy() vecty.Component           { d := *c; d.Core = vecty.Core{}; return &d }
func (c *LabSheet) Copy() vecty.Component        { d := *c; d.Core = vecty.Core{}; return &d }
func (c *LangSwitch) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *LogAxes) Copy() vecty.Component         { d := *c; d.Core = vecty.Core{}; return &d }
func (c *LossChart) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *Masthead) Copy() vecty.Component        { d := *c; d.Core = vecty.Core{}; return &d }
func (c *MethodSelect) Copy() vecty.Component    { d := *c; d.Core = vecty.Core{}; return &d }
func (c *MetricsBlock) Copy() vecty.Component    { d := *c; d.Core = vecty.Core{}; return &d }
func (c *MetricsHead) Copy() vecty.Component     { d := *c; d.Core = vecty.Core{}; return &d }
func (c *MetricsRow) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *MetricsTable) Copy() vecty.Component    { d := *c; d.Core = vecty.Core{}; return &d }
func (c *NetworkDiagram) Copy() vecty.Component  { d := *c; d.Core = vecty.Core{}; return &d }
func (c *NoticeList) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *NumberField) Copy() vecty.Component     { d := *c; d.Core = vecty.Core{}; return &d }
func (c *OpenBox) Copy() vecty.Component         { d := *c; d.Core = vecty.Core{}; return &d }
func (c *Page) Copy() vecty.Component            { d := *c; d.Core = vecty.Core{}; return &d }
func (c *PinBar) Copy() vecty.Component          { d := *c; d.Core = vecty.Core{}; return &d }
func (c *PresentToggle) Copy() vecty.Component   { d := *c; d.Core = vecty.Core{}; return &d }
func (c *QRCode) Copy() vecty.Component          { d := *c; d.Core = vecty.Core{}; return &d }
func (c *RunButtons) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *SampleGrid) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *SamplePicture) Copy() vecty.Component   { d := *c; d.Core = vecty.Core{}; return &d }
func (c *SampleTile) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *SaveBox) Copy() vecty.Component         { d := *c; d.Core = vecty.Core{}; return &d }
func (c *SeedField) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *SettingsPanel) Copy() vecty.Component   { d := *c; d.Core = vecty.Core{}; return &d }
func (c *ShareBox) Copy() vecty.Component        { d := *c; d.Core = vecty.Core{}; return &d }
func (c *Shortcuts) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *Slider) Copy() vecty.Component          { d := *c; d.Core = vecty.Core{}; return &d }
func (c *StatusLine) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *StepProgress) Copy() vecty.Component    { d := *c; d.Core = vecty.Core{}; return &d }
func (c *TablePager) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *TaskProgress) Copy() vecty.Component    { d := *c; d.Core = vecty.Core{}; return &d }
func (c *TeachCard) Copy() vecty.Component       { d := *c; d.Core = vecty.Core{}; return &d }
func (c *TeachingSection) Copy() vecty.Component { d := *c; d.Core = vecty.Core{}; return &d }
func (c *WeightTile) Copy() vecty.Component      { d := *c; d.Core = vecty.Core{}; return &d }
func (c *WeightsPicture) Copy() vecty.Component  { d := *c; d.Core = vecty.Core{}; return &d }
func (c *WhyBackprop) Copy() vecty.Component     { d := *c; d.Core = vecty.Core{}; return &d }
func (c *WigglePanel) Copy() vecty.Component     { d := *c; d.Core = vecty.Core{}; return &d }
func (c *WigglePicker) Copy() vecty.Component    { d := *c; d.Core = vecty.Core{}; return &d }
