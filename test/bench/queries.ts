/** The bench's GraphQL operations. */

/** Q1 list: a page of clients with enrollments, programs and the latest services. */
export const Q1 = `query Q1($n: Int!) {
  clients(first: $n) {
    totalCount
    edges { node { id firstName lastName dob ssn
      enrollments { entryDate program { name } services(first: 10) { edges { node { dateProvided typeProvided } } } }
    } }
  }
}`;

/** Q2 detail: one client with every transaction type. */
export const Q2 = `query Q2($id: ID!) {
  client(id: $id) {
    id firstName lastName dob ssn sex veteranStatus raceEthnicity
    enrollments {
      id entryDate restriction program { name projectType }
      exitDate exit { exitDate destination }
      services(first: 20) { totalCount edges { node { id dateProvided recordType typeProvided } } }
      currentLivingSituations { id informationDate currentLivingSituation locationDetails }
      assessments { id assessmentDate assessmentType assessmentLevel score prioritizationStatus }
      ceEvents { id eventDate event referralResult resultDate }
      healthAndDv { id informationDate domesticViolenceSurvivor whenOccurred currentlyFleeing }
    }
  }
}`;

/** Q3 write: a service in an enrollment of the user's organization. */
export const Q3 = `mutation Q3($input: CreateServiceInput!) {
  createService(input: $input) { id dateProvided typeProvided }
}`;

/** Q4 priority list: a page of the coordinated entry priority list with scores and client names. */
export const Q4 = `query Q4($n: Int!) {
  priorityList(first: $n) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id position status clientId firstName lastName age totalScore assessmentDate listedOn } }
  }
}`;

/** R1 report: clients by program x month of project start over one year (issue 15). */
export const R1 = `query R1($input: ReportInput!) {
  clientCounts(input: $input) { total someSuppressed cells { count suppressed keys { dimension value } } }
}`;

/** R2 report: data quality of every program the user sees over one year (issue 15). */
export const R2 = `query R2($input: DataQualityInput!) {
  dataQuality(input: $input) { problemCount programs { programId elements { element complete missing invalid } } problems { recordId problem } }
}`;

export const LOGIN = `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token me { state activeOrganization { id code } capabilities } } }`;

let keys = 0;

/** A fresh Idempotency-Key header for Q3 with a key (one per simulated user action). */
export function idempotencyHeader(): Record<string, string> {
  return { 'idempotency-key': `bench-${process.pid}-${Date.now()}-${++keys}` };
}
