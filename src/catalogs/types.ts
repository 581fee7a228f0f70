/** A group of controls within a framework (a SOC 2 series such as CC6, or an ISO Annex A theme). */
export interface ControlGroup {
  /** Group id as the framework writes it, e.g. "CC6" or "A.8". */
  id: string;
  /** Short title in our own words. */
  title: string;
  /** Higher-level category, e.g. "Security (common criteria)" or "Technological controls". */
  category: string;
}
/** One control (SOC 2 criterion, ISO Annex A control, or a custom control). */
export interface CatalogControl {
  /** Identifier exactly as the framework writes it; always a string ("CC6.1", "A.8.13"). */
  id: string;
  /** Short title. */
  title: string;
  /** Id of the ControlGroup it belongs to. */
  group: string;
}
/** A pinned framework catalog. */
export interface FrameworkCatalog {
  /** Stable key used in content files, e.g. "soc2", "iso27001". */
  id: string;
  /** Display name. */
  name: string;
  /** Edition pinned by this catalog. */
  edition: string;
  /** Where the identifiers and structure come from. */
  source: string;
  /** Word for one item: "criterion", "control". */
  itemLabel: string;
  groups: ControlGroup[];
  controls: CatalogControl[];
  /** true for catalogs shipped with Proofbook, false for user-defined ones. */
  builtIn: boolean;
}
