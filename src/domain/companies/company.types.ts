// A company as the CRM keeps it after enrichment from the CVR register (02-crm.md, "Companies").

export interface CompanyAddress {
  /** Street, house number and floor as Danish addresses are written: "Boulevarden 13B, 2. tv". */
  street: string | null;
  /** 4 digits ("0800" keeps its leading zero). */
  postcode: string | null;
  /** The post district ("Aalborg SØ"). */
  city: string | null;
}

export interface ProductionUnit {
  /** 10 digits. */
  pNumber: string;
  /** False for a closed unit (its period has an end date); the register lists those too. */
  active: boolean;
}

export interface CvrCompany {
  /** 8 digits, modulus 11 checked. */
  cvr: string;
  name: string;
  /** Normalised 3-digit code; null when the register has none (e.g. a foreign address). */
  municipalityCode: string | null;
  address: CompanyAddress;
  /** DB07 code, 6 digits as text ("620100"). */
  industryCode: string | null;
  industryText: string | null;
  /** The register's long description, e.g. "Anpartsselskab". */
  legalForm: string | null;
  /** The register's interval as text: "0", "1", "2-4", "10-19", "1000+". */
  employeesBand: string | null;
  /** The year of that figure: employment data may be years old, and the UI says so. */
  employeesYear: number | null;
  /** YYYY-MM-DD: the start of the company's life in the register. */
  startDate: string | null;
  /** 02-crm.md: active when `livsforloeb` has an entry without an end date. */
  status: 'active' | 'ceased';
  /** The register's combined status in readable Danish ("Normal", "Under konkurs", "Ophørt"). */
  statusText: string | null;
  /** `reklamebeskyttet`: left out of outreach lists and bulk mailings (02-crm.md). */
  advertisingProtected: boolean;
  pUnits: ProductionUnit[];
}

/** A document that cannot become a company; a value, not an exception. */
export interface CvrRejection {
  /** 1-based line in the file where the document (or the hit) begins, when read from a file. */
  line?: number;
  cvr?: string;
  /** Danish. */
  reason: string;
}

export type CvrCompanyResult = { company: CvrCompany } | { rejection: CvrRejection };
