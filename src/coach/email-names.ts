// Word lists for telling a company from a job title, a person, a department,
// a recruitment agency or a job board in an email. They describe the shape of
// names, not any one company. (Candidates for content/reading.yaml later: a
// person may want to add a job board or a title word of their own trade.)

/** Words a job title is built around: "Platform Engineer", "Head of Marketing", "Graduate Programme". */
export const ROLE_WORDS = new Set(
  (
    "Accountant Administrator Advisor Adviser Agent Analyst Apprentice Apprenticeship Architect Assistant Associate " +
    "Attorney Auditor Buyer Chef Clerk Consultant Controller Coordinator Co-ordinator Copywriter Counsel Designer " +
    "Developer Director Driver Editor Educator Engineer Executive Fellow Generalist Graduate Head Intern Internship " +
    "Lawyer Lead Lecturer Librarian Manager Marketer Mechanic Nurse Officer Operator Paralegal Pharmacist Planner " +
    "Practitioner Producer Programme Program Programmer Receptionist Recruiter Representative Researcher Scientist " +
    "Secretary Solicitor Specialist Strategist Supervisor Teacher Technician Tester Therapist Trainee Worker Writer " +
    "Actuary Ambassador Animator Archivist Artist Attendant Banker Barista Bartender Broker Carer Cashier Coach " +
    "Counsellor Counselor Courier Curator Dentist Dispatcher Doctor Economist Electrician Housekeeper Illustrator " +
    "Inspector Instructor Interpreter Investigator Journalist Midwife Nanny Paramedic Photographer Physician Pilot " +
    "Plumber Porter Professor Psychologist Reporter Statistician Surgeon Surveyor Trainer Translator Tutor Underwriter " +
    "Baker Bookkeeper Butcher Caretaker Carpenter Caseworker Cleaner Cook Estimator Fitter Handler Hygienist Joiner " +
    "Labourer Laborer Loader Machinist Merchandiser Negotiator Operative Optometrist Packer Picker Scheduler Server " +
    "Steward Stylist Teller Technologist Veterinarian Waiter Waitress Welder"
  ).split(" "),
);

/** Words that make a signature line a job title or a department, not the company. */
export const TITLE_WORDS = new Set([
  ...ROLE_WORDS,
  ...(
    "Acquisition CEO CFO COO CTO CPO Chief Chair Chairman Chairwoman Chairperson Trustee Treasurer Governor " +
    "Founder Co-founder Cofounder Co-Founder Headteacher HR Hiring Operations People Principal President " +
    "Recruiting Recruitment Resources Talent Team VP Partner Owner Sourcer Department Division Office Staff"
  ).split(" "),
]);

/** Trailing words of a sender name that name a department: "Northwind Labs Careers" is Northwind Labs. */
export const DEPARTMENT_TAIL =
  /\s+(?:(?:early|emerging|graduate|campus|student) (?:careers|talent|recruitment|recruiting)|careers|jobs|recruiting|recruitment(?: services| team)?|hiring(?: team)?|talent(?: acquisition| team)?|hr(?: team)?|human resources|people(?: team)?|team)$/i;

/** Legal forms dropped from a name: "Orbitpay, Inc." is Orbitpay. */
export const LEGAL_TAIL = /,?\s+(?:inc|ltd|llc|llp|plc|co|corp|limited|gmbh|pty|lp|ab|ag|bv|nv|oy)\.?$/i;

/** Names of recruitment agencies carry one of these words; an agency only passes the news on. */
export const AGENCY_WORDS =
  /\b(?:recruitment|recruiting|recruiters|staffing|resourcing|talent|headhunt\w*|personnel|search partners|executive search)\b/i;

/** Job boards and applicant-tracking systems an email comes through: never the employer. */
export const JOB_BOARDS =
  /^(?:linkedin|indeed|glassdoor|workable|greenhouse|lever|workday|myworkday\w*|smartrecruiters|icims|taleo|bamboohr|jobvite|ziprecruiter|monster|reed|totaljobs|cv-library|seek|wellfound|angellist|otta|handshake|teamtailor|personio|recruitee|ashby|breezy(?: hr)?|jazzhr|successfactors)(?:\.com)?$/i;

/** Capitalised words that start sentences or name days and months, not companies. */
export const NOT_NAMES = new Set(
  (
    "A An The This That These Those Our Your My We I You It He She They Dear Hi Hello Thank Thanks Unfortunately " +
    "Regards Best Kind Sincerely Update Application Applicant Candidate Re Fwd Monday Tuesday Wednesday Thursday " +
    "Friday Saturday Sunday January February March April May June July August September October November December " +
    "Team HR Careers Recruitment Talent Hiring Manager Ref Req Early Emerging Campus Student Internal External"
  ).split(" "),
);

/** Words of a subject line's title case that make it a heading, not a name: "Next Steps", "Application Update". */
export const GENERIC_WORDS = new Set(
  (
    "Update Updates Outcome Feedback Status Decision Application Applications Steps Interview Interviews Result " +
    "Results News Reply Response Regarding Following Apologies Important Information Notification Position Role " +
    "Vacancy Job Opportunity Candidacy Confirmation Invitation Message"
  ).split(" "),
);

/**
 * Words that name what a part of a company does: a signature's "VP, Customer
 * Experience" or "Head of Research, Data & Analytics" names a department, not
 * the company, when every word of it is one of these.
 */
export const FUNCTION_WORDS = new Set(
  (
    "Analytics Brand Business Client Clients Commercial Communications Compliance Content Customer Customers Data " +
    "Delivery Design Development Digital Engineering Experience Facilities Finance Growth Infrastructure Insights " +
    "Legal Marketing Operations Partnerships Platform Procurement Product Products Quality Research Revenue Risk " +
    "Sales Security Service Services Strategy Success Supply Chain Support Technology Training Workplace"
  ).split(" "),
);
