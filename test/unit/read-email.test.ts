import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanEmailText, collapseSpaces, MAX_EMAIL_CHARS } from "../../src/coach/email-text.js";
import { likelyReasons, readEmail, type EmailReading } from "../../src/coach/read-email.js";
import { loadContent } from "../../src/content/load.js";
import { reasonConflict } from "../../src/journal/reason-rules.js";

// Every email here is written for this test; none comes from the corpus.

const cues = loadContent().reading;
const read = (text: string): EmailReading => readEmail(text, cues);
const values = (reading: EmailReading) => reading.reasons.map((reason) => reason.value);
const email = (...lines: string[]) => lines.join("\n");

describe("cleaning a paste", () => {
  it("turns HTML-ish text, quoting, CRLF and invisible characters into plain lines", () => {
    const raw = "> Dear&nbsp;Sam,<br>\r\n> <p>Pay &amp; <b>benefits</b> &#8212; done\u200b.</p>Next &unknown; &#x41;";
    expect(cleanEmailText(raw)).toBe("Dear Sam,\nPay & benefits — done.\n\nNext &unknown; A");
  });

  it("keeps an address in angle brackets, which is not a tag", () => {
    expect(cleanEmailText("From: Careers <jobs@example.org>")).toBe("From: Careers <jobs@example.org>");
  });

  it("reads only the start of a huge paste", () => {
    expect(cleanEmailText("word ".repeat(1_000_000)).length).toBeLessThanOrEqual(MAX_EMAIL_CHARS);
  });
});

describe("the company", () => {
  it("comes from the message, the subject, a team sign-off or the signature", () => {
    expect(read("We've filled the Analyst position at Corvid Foods with someone else.").company).toEqual({
      value: "Corvid Foods",
      from: "position at Corvid Foods",
    });
    expect(
      read(email("Subject: Interview outcome - Tamsin Bakery", "", "Unfortunately it's a no.")).company?.value,
    ).toBe("Tamsin Bakery");
    expect(
      read(email("Hi Lee,", "", "It's a no this time.", "", "Cheers,", "The Ostrander Labs Team")).company?.value,
    ).toBe("Ostrander Labs");
    const signed = email(
      "Hi Lee,",
      "",
      "It's a no this time.",
      "",
      "Best,",
      "Robin Vale",
      "Talent Partner | Quarrymoor",
    );
    expect(read(signed).company).toEqual({ value: "Quarrymoor", from: "Quarrymoor" });
  });

  it("drops a legal form and a department: 'Pendle Works Ltd' and 'Pendle Works Careers' are Pendle Works", () => {
    expect(
      read(email("Hi Lee,", "", "It's a no.", "", "Regards,", "Ash Moss", "Pendle Works Ltd.")).company?.value,
    ).toBe("Pendle Works");
    expect(read(email("From: Pendle Works Careers <no-reply@pendle.example>", "", "It's a no.")).company?.value).toBe(
      "Pendle Works",
    );
  });

  it("is never the recipient named in the greeting or the To: header", () => {
    const text = email("Subject: Quinn Avery - application update", "", "Hi Quinn,", "", "We won't be moving forward.");
    expect(read(text).company).toBeUndefined();
    const to = email("To: Morgan Hale <m@mailbox.example>", "Subject: Morgan Hale", "", "We won't be moving forward.");
    expect(read(to).company).toBeUndefined();
  });

  it("is never the agency that passes the news on", () => {
    const text = email(
      "Hi Dev,",
      "",
      "I've had word back from my client and sadly they won't be taking your application further.",
      "",
      "Best,",
      "Kit Marsh",
      "Senior Consultant | Harbourside Staffing Group",
    );
    expect(read(text).company).toBeUndefined();
  });

  it("is not the agency that signs an email about 'my client'", () => {
    const text = email(
      "Hi Dev,",
      "",
      "My client has come back to me and it's a no, I'm afraid.",
      "",
      "Best,",
      "Kit Marsh",
      "Principal Consultant | Harbourside Partners",
    );
    expect(read(text).company).toBeUndefined();
  });

  it("is never the job board the email came through", () => {
    const text = email(
      "From: LinkedIn Jobs <jobs-noreply@linkedin.example>",
      "Subject: Your application was viewed",
      "",
      "Unfortunately the employer has decided not to proceed. Sent via LinkedIn",
    );
    expect(read(text).company).toBeUndefined();
  });

  it("is not a place, a department or the sender's own name in the signature", () => {
    const signed = (...lines: string[]) => read(email("Hi Lee,", "", "It's a no.", "", "Best,", ...lines)).company;
    expect(signed("Sam", "Sam Carter", "Recruiter")).toBeUndefined();
    expect(signed("Jo Reid", "Recruiter", "Boston, MA")).toBeUndefined();
    expect(signed("Recruitment Team", "Jane Doe", "Hiring Manager")).toBeUndefined();
    expect(signed("Early Careers Team", "Marsh Whitley LLP")?.value).toBe("Marsh Whitley");
    expect(signed("Jo Reid", "Engineering Manager, Payments", "Orbwell, Inc.")?.value).toBe("Orbwell");
    expect(signed("Jo Reid", "Recruiter, Tallow & Wick", "London")?.value).toBe("Tallow & Wick");
  });

  it("is one word of a subject line only when the email names it again", () => {
    const onsite = email(
      "Subject: Site Reliability Engineer - Onsite",
      "",
      "Hi Pri,",
      "",
      "We won't be moving forward.",
    );
    expect(read(onsite).company).toBeUndefined();
    const named = email("Subject: Site Reliability Engineer - Brindlewood", "", "Thanks for applying to Brindlewood.");
    expect(read(named).company?.value).toBe("Brindlewood");
  });

  it("is read under the sender's own closing line and after 'at the'", () => {
    const closing = email(
      "Hi Nadia,",
      "",
      "We won't be moving forward.",
      "",
      "Best of luck in your search,",
      "Oscar Lind",
      "CEO, Tidewater",
    );
    expect(read(closing).company?.value).toBe("Tidewater");
    expect(read("Thank you for applying for the Policy Officer role at the Westbrook Foundation.").company?.value).toBe(
      "Westbrook Foundation",
    );
  });

  it("is the full name the message writes where the subject has a short form", () => {
    const text = email(
      "Subject: Quarrel - feedback",
      "",
      "Hi Bea,",
      "",
      "I've heard back from Quarrel Outfitters about Monday, and it's a no.",
    );
    expect(read(text).company).toEqual({ value: "Quarrel Outfitters", from: "Quarrel Outfitters" });
  });

  it("is not the department a title names, and a co-founder's title is a title", () => {
    const signed = (...lines: string[]) => read(email("Hi Lee,", "", "It's a no.", "", "Best,", ...lines)).company;
    expect(signed("Ola Brant", "Director, Data & Analytics", "Fernhall")?.value).toBe("Fernhall");
    expect(signed("Ola Brant", "VP, Customer Experience")).toBeUndefined();
    expect(signed("Eli Moss", "Co-founder, Graniteview Labs")?.value).toBe("Graniteview Labs");
    expect(signed("Rob Ayles", "Chair, Eastmoor Housing Association")?.value).toBe("Eastmoor Housing Association");
    expect(signed("Bo Allen", "Sr. Technical Recruiter | Vantor")?.value).toBe("Vantor");
    expect(signed("Thornbury Infrastructure Early Careers")?.value).toBe("Thornbury Infrastructure");
  });

  it("follows 'the hiring manager at' and 'the panel at'", () => {
    const text = "I've heard back from the hiring manager at Castle Vale Homes, and it's a no.";
    expect(read(text).company?.value).toBe("Castle Vale Homes");
    expect(read("The panel at Ardley Mills felt it was a no.").company?.value).toBe("Ardley Mills");
    expect(read("Thanks for applying to work with us at Wren & Moss. It's a no.").company?.value).toBe("Wren & Moss");
    expect(read(email("Subject: Your application at Ravenport", "", "It's a no.")).company?.value).toBe("Ravenport");
    expect(read(email("Subject: Your job application", "", "It's a no.")).company).toBeUndefined();
  });

  it("is not a person the news came from", () => {
    const text = "I've had feedback from Sarah Jones after your interviewing with Tom Reed: it's a no, I'm afraid.";
    expect(read(text).company).toBeUndefined();
  });

  it("is left out when nothing names it", () => {
    expect(read(email("Hi Sam,", "", "We've decided to go with someone else.", "", "Dana")).company).toBeUndefined();
  });
});

describe("the role", () => {
  it("comes from 'the X role', 'the role of X' and the subject line", () => {
    expect(read("Thanks for applying for the Senior Data Engineer role.").role).toEqual({
      value: "Senior Data Engineer",
      from: "the Senior Data Engineer role",
    });
    expect(read("We will not be offering you the post of Head of Finance.").role?.value).toBe("Head of Finance");
    expect(read(email("Subject: Re: Payroll Administrator (Ref PA/88) - outcome", "", "It's a no.")).role?.value).toBe(
      "Payroll Administrator",
    );
  });

  it("comes from 'our X vacancy' and 'to work as a X'", () => {
    expect(read("Thank you for applying for our Care Assistant vacancy.").role?.value).toBe("Care Assistant");
    expect(read("Thanks for your interest in coming to work as a Bid Writer with us.").role?.value).toBe("Bid Writer");
  });

  it("is a posting's title from any trade when a reference or the employer follows it", () => {
    expect(read("Your application for Dock Hand (Req 5520) has expired.").role?.value).toBe("Dock Hand");
    expect(read("Your application for Dock Hand at Brockworth Freight has expired.").role?.value).toBe("Dock Hand");
    expect(read("Your application for Forklift Operative was not successful.").role?.value).toBe("Forklift Operative");
    expect(read("Your application for Brockworth Freight was not successful.").role).toBeUndefined();
    expect(read("We can no longer proceed with your appointment as Marine Fitter.").role?.value).toBe("Marine Fitter");
    expect(read("Thank you for applying to be a Support Worker. It's a no.").role?.value).toBe("Support Worker");
    expect(read("We're holding the Growth Marketer spot for now.").role?.value).toBe("Growth Marketer");
    const comma = "The position you applied for, Solutions Architect (R-1023), has closed.";
    expect(read(comma).role?.value).toBe("Solutions Architect");
    expect(read(email("Subject: Update on the Head of Audit search", "", "It's a no.")).role?.value).toBe(
      "Head of Audit",
    );
  });

  it("is left out when the email only says 'this role'", () => {
    expect(
      read(email("Subject: Following up", "", "We have decided not to proceed for this role.")).role,
    ).toBeUndefined();
  });
});

describe("the stage", () => {
  it.each([
    ["Thank you for applying. We won't be taking your application further.", "applied"],
    ["Thanks for taking my call on Monday. We won't be moving forward.", "screening"],
    ["Thank you for interviewing with us last week. We won't be moving forward.", "interview"],
    ["Thank you for submitting the take-home task. We won't be moving forward.", "assessment"],
    ["Thank you for joining us for the final round. We won't be moving forward.", "final"],
    ["I'm afraid we have to withdraw the offer we made you last week.", "offer"],
    ["I enjoyed our call on Monday. Sadly it's a no.", "screening"],
    ["Many thanks for speaking with me on Tuesday. Sadly it's a no.", "screening"],
    ["Thanks for meeting with our panel last week. Sadly it's a no.", "interview"],
    ["Thanks for making time to talk with our CTO. Sadly it's a no.", "interview"],
    ["The client came back after Friday's interview and it's a no.", "interview"],
    ["Thanks for sending over the coding exercise. Sadly it's a no.", "assessment"],
    ["Thanks for the work you put into the design challenge. Sadly it's a no.", "assessment"],
    ["Thanks for the writing test you did on the day. Sadly it's a no.", "assessment"],
    ["The role you applied for has gone to someone else.", "applied"],
    ["Thanks for your time on the phone last week. Sadly it's a no.", "screening"],
    ["It was lovely to show you round the nursery. Sadly it's a no.", "interview"],
    ["Thank you for taking the time to interview with us. Sadly it's a no.", "interview"],
    ["Cheers for coming down to the site to meet me. Sadly it's a no.", "interview"],
    ["Appreciate you jumping on a call with me. Sadly it's a no.", "screening"],
    ["Thanks for dropping your CV in. Sadly it's a no.", "applied"],
    ["Thanks for meeting with Jane and me on Friday. Sadly it's a no.", "interview"],
    ["Thanks for completing the recorded video interview. Sadly it's a no.", "interview"],
    ["Thanks for completing the online tests. Sadly it's a no.", "assessment"],
    ["Thanks for completing the phone interview. Sadly it's a no.", "screening"],
    ["Thank you for coming to the final stage in Leeds. Sadly it's a no.", "final"],
    ["We have decided to offer the role to the other finalist.", "final"],
    ["On 2 May we offered you the role of Planner; we now have to take that back.", "offer"],
  ])("%s -> %s", (text, stage) => {
    expect(read(text).stage?.value).toBe(stage);
  });

  it("is the furthest stage the email says was reached, with its words", () => {
    const text = "Thank you for applying, and for your interviews with the team. Sadly we have to withdraw your offer.";
    expect(read(text).stage).toEqual({ value: "offer", from: "withdraw your offer" });
  });

  it("is not an interview the person never reached", () => {
    const text = email(
      "Thanks for the call yesterday.",
      "",
      "We won't be inviting you to interview, and you won't move on to the next round of interviews.",
    );
    expect(read(text).stage?.value).toBe("screening");
    expect(read("We will not be moving you forward to the interview stage.").stage).toBeUndefined();
    const notFinal = "Thanks for your interviews last week. Sadly you won't progress to the final round.";
    expect(read(notFinal).stage?.value).toBe("interview");
  });

  it.each([
    "Over the last few weeks the team has grown. Sadly it's a no.",
    "It's a no, but please visit our careers site for other roles.",
    "We would like to offer you our thanks. Sadly it's a no.",
    "After speaking with the hiring manager, we've decided not to move forward.",
    "I met with the hiring manager to go through your CV. Sadly it's a no.",
    "Sadly you met the criteria but there were only two places.",
    "Sadly it's a no. If you'd like a video call to talk it over, just ask.",
    "Sadly you were not included in our final shortlist.",
    "Our interview panel read every CV. Sadly it's a no.",
    "We invited other people to video interviews. Sadly it's a no.",
  ])("is not read from a phrase that only looks like a step: %s", (text) => {
    expect(read(text).stage).toBeUndefined();
  });

  it("is not an offer because a footer says 'We offer flexible working'", () => {
    const text = email(
      "Dear Lee,",
      "",
      "We won't be moving forward with your application.",
      "",
      "Kind regards,",
      "Recruitment",
      "We offer flexible working and a great pension. Our culture matters to us.",
    );
    const reading = read(text);
    expect(reading.stage).toBeUndefined();
    expect(reading.reasons).toEqual([]);
    expect(reading.reasonGiven).toBeUndefined();
  });
});

describe("the ending", () => {
  it.each([
    ["The vacancy has been put on hold while we review the budget.", "role-closed"],
    ["The position has been eliminated as part of a reorganization.", "role-closed"],
    ["We have decided to fill the role with an internal candidate.", "role-closed"],
    ["Your application was closed automatically after 60 days with no activity.", "ghosted"],
    ["We have been unable to reach you, so your application has lapsed.", "ghosted"],
    ["This position has now been filled.", "role-closed"],
    ["Unfortunately we will not be progressing your application.", "rejected"],
    ["The position has been filled by another candidate.", "rejected"],
    ["We regret that the Analyst vacancy (ref 22) at Ebbw Housing was cancelled after a restructure.", "role-closed"],
    ["I'm afraid it's a no from them this time.", "rejected"],
    ["We won't be making an offer.", "rejected"],
    ["We've decided to pass on your application.", "rejected"],
    ["The partners have decided to pause this recruitment until spring.", "role-closed"],
    ["We've promoted a member of our own team, so we won't be moving ahead with outside candidates.", "role-closed"],
    ["The search has been closed.", "role-closed"],
    ["The governors have asked us to hold off on filling the post.", "role-closed"],
    ["Sorry, we've decided not to hire for this position after all.", "role-closed"],
    ["We've now filled all our Christmas temp spots.", "role-closed"],
    ["The position has closed and is no longer accepting applications.", "role-closed"],
    ["The project has been put on ice by our client.", "role-closed"],
    ["We won't be hiring for the role after all.", "role-closed"],
    ["We tried several times to reach you but did not receive a reply.", "ghosted"],
    ["Your qualifications do not match our needs at this time.", "rejected"],
    ["The hours you can work don't fit, so we can't take you on.", "rejected"],
    ["Regrettably, it's not the outcome you hoped for.", "rejected"],
    ["We have opted to progress with applicants whose profiles fit more closely.", "rejected"],
    ["We've decided to hold off hiring until the funding round closes.", "role-closed"],
    ["We won't be proceeding with your application.", "rejected"],
    ["You haven't been successful on this occasion.", "rejected"],
    ["We've decided to go another way.", "rejected"],
    ["I'm afraid you didn't get the job.", "rejected"],
    ["I'm afraid it's not going to work out this time.", "rejected"],
    ["We will not be pursuing your application further.", "rejected"],
    ["You are no longer being considered for this role.", "rejected"],
    ["We have now filled the position.", "role-closed"],
    ["We've decided to keep the role vacant for now.", "role-closed"],
    ["The role has been put on pause.", "role-closed"],
    ["We have decided to move forward with candidates whose experience is closer.", "rejected"],
    ["We don't think it would be a good match right now.", "rejected"],
    ["The assessment deadline has now passed.", "ghosted"],
    ["As we haven't heard from you, your application has been withdrawn.", "ghosted"],
  ])("%s -> %s", (text, ended) => {
    expect(read(text).ended?.value).toBe(ended);
  });

  it.each(["The panel decided not to appoint you.", "We have decided not to hire you for this role."])(
    "is a plain no when the person, not the role, was turned down: %s",
    (text) => {
      const reading = read(text);
      expect(reading.ended?.value).toBe("rejected");
      expect(reading.reasons).toEqual([]);
    },
  );

  it("is not a lapse because the company could not reply to everyone", () => {
    const text = "We had a huge response and have not had time to reply to every applicant. Sadly it's a no.";
    expect(read(text).ended?.value).toBe("rejected");
  });

  it("is left out when the email does not say how it ended", () => {
    expect(read("There is an update on your application. Please sign in to see it.").ended).toBeUndefined();
  });
});

describe("the reasons", () => {
  it.each([
    ["An internal candidate was appointed.", "internal"],
    ["We went with other candidates whose experience was a closer match.", "competition"],
    ["You did not meet the bar on system design.", "skills"],
    ["The final designs didn't show enough depth in typography.", "skills"],
    ["A hiring freeze means the role has gone.", "cancelled"],
    ["Your salary expectations were above our range.", "salary"],
    ["We felt it would not be the right culture fit.", "culture"],
    ["In the final interview you struggled to explain your choices; your answers lacked depth.", "interview"],
    ["We can't share feedback on individual applications.", "unknown"],
    ["We don't give feedback at this stage.", "unknown"],
    ["In the end it came down to compensation.", "salary"],
    ["Your number was well above what we're approved to pay.", "salary"],
    ["We have decided to offer the role to the other finalist.", "competition"],
    ["The successful candidate had a stronger portfolio.", "competition"],
    ["We invited those whose background most closely fits the brief.", "competition"],
    ["We invited those whose experience of retail banking fits the brief.", "skills"],
    ["The other finalist has led clinical trials for years.", "skills"],
    ["We need someone who's already run a team of ten.", "skills"],
    ["The code had no tests, and that is what this role does all day.", "skills"],
    ["Your score did not meet the threshold for the next step.", "skills"],
    ["Your experience doesn't meet the essential criteria.", "skills"],
    ["They felt you'd be happier somewhere with a bigger team.", "culture"],
    ["We're a small family-run firm where everyone covers everything.", "culture"],
    ["We've promoted a member of our own staff.", "internal"],
    ["We gave the job to one of our current supervisors.", "internal"],
    ["Our client is ending the contract this post was made for.", "cancelled"],
    ["The partners have decided to pause this recruitment.", "cancelled"],
    ["The grant that funds the post was not renewed.", "cancelled"],
    ["The governors asked us to hold off while the budget is reviewed.", "cancelled"],
    ["When pressed on the numbers, your answers didn't quite land.", "interview"],
    ["Your responses to the leadership scenario were thin.", "interview"],
    ["Your answers did not demonstrate the level of experience we need.", "skills"],
    ["Your submission did not pass enough of the automated tests.", "skills"],
    ["It didn't quite hit the bar we set.", "skills"],
    ["We chose candidates whose experience aligns more closely with the role.", "competition"],
    ["We're appointing Kay Lin, currently our deputy, to the post.", "internal"],
    ["We are reducing the size of the team.", "cancelled"],
    ["We've offered the Room Leader post to someone else.", "competition"],
    ["We need more exposure to card scheme rules.", "skills"],
    ["We chose someone who already holds the Level 5 certificate.", "skills"],
    ["The certificate is required by law for this role.", "skills"],
    ["We offered the post to a candidate who more closely met the specification.", "competition"],
    ["We appointed a candidate with significant category management experience.", "skills"],
    ["The project you'd have joined has been put on ice.", "cancelled"],
    ["We've decided to hold on hiring until the funding round closes.", "cancelled"],
    ["We have opted to proceed with others whose profiles are more aligned.", "competition"],
    ["We'll offer the role to a candidate nearer our budget.", "competition"],
    ["The team had concerns about how you communicated the trade-offs.", "interview"],
    ["Talking to clients is a large part of the role.", "skills"],
    ["A full driving licence is essential for this post.", "skills"],
    ["They felt you'd be more suited to a larger company.", "culture"],
    ["The panel felt you would not be a good fit for the team.", "culture"],
    ["We were looking for someone with stronger stakeholder skills.", "skills"],
    ["You did not score highly enough in the assessment.", "skills"],
    ["The successful candidate showed a more extensive knowledge of fire safety law.", "skills"],
    ["Your interview answers were not detailed enough.", "interview"],
    ["We decided to hire someone more senior.", "competition"],
    ["The role has been put on pause.", "cancelled"],
    ["Group policy does not allow us to share the panel's reasons.", "unknown"],
  ])("%s -> %s", (text, reason) => {
    expect(likelyReasons(text, cues).map((found) => found.value)).toContain(reason);
  });

  it.each([
    "Your technical skills were impressive.",
    "Our company values every application it receives.",
    "In the role you would lead your own team.",
    "Our client has decided to go with a different agency.",
    "Do tell your current manager we said hello.",
    "We have made changes to the interview structure this year.",
    "The presentation ran smoothly.",
  ])("are not read from words that only look like one: %s", (text) => {
    expect(likelyReasons(text, cues)).toEqual([]);
  });

  it("are not read from what an employer says of itself, unless the sentence turns to the news", () => {
    const text = email(
      "Dear Ann,",
      "",
      "Sadly your application was not successful.",
      "Tamsin Foods is proud of its culture. We offer a competitive salary and a final salary pension.",
      "",
      "Regards,",
      "HR",
    );
    expect(read(text).reasons).toEqual([]);
    expect(read(text).reasonGiven).toBeUndefined();
    const turned = "We value your interest, but we chose someone else.";
    expect(values(read(turned))).toEqual(["competition"]);
  });

  it("do not take a bigger team in someone's experience for a word on culture", () => {
    const found = likelyReasons("We chose someone who has run a night shift with a bigger team.", cues);
    expect(found.map((reason) => reason.value)).not.toContain("culture");
  });

  it("carry the words they came from, once each", () => {
    const found = likelyReasons("Other candidates were stronger, and other candidates had more time.", cues);
    expect(found).toEqual([{ value: "competition", from: "Other candidates" }]);
  });

  it("skip a reason the email turns around", () => {
    expect(likelyReasons("This wasn't about salary at all.", cues)).toEqual([]);
    const reading = read("Unfortunately we won't be moving forward. This wasn't about salary; it isn't culture fit.");
    expect(values(reading)).toEqual([]);
    expect(reading.reasonGiven).toBeUndefined();
  });

  it("never pair 'cancelled' with a rejection, and keep 'unknown' alone", () => {
    expect(likelyReasons("The budget cuts meant a hiring freeze.", cues, "rejected")).toEqual([]);
    const both = likelyReasons("We cannot share feedback, but we chose other candidates.", cues);
    expect(both.map((found) => found.value)).toEqual(["competition"]);
  });

  it("give the sentence that carries them, not the whole email", () => {
    const text = email(
      "Hi Jo,",
      "",
      "Thank you for your time last week. We've decided to go with someone else, but it was lovely to meet you.",
      "",
      "Best,",
      "Ray",
    );
    expect(read(text).reasonGiven).toBe("We've decided to go with someone else");
  });
});

describe("mail as it is pasted", () => {
  it("reads a forwarded message, not the note above it", () => {
    const text = email(
      "Mum - the interview one, see below. Still gutted.",
      "",
      "---------- Forwarded message ---------",
      "From: Hiring <hiring@quince.example>",
      "Subject: Barista Trainer at Quince Coffee",
      "",
      "> Dear Ruby,",
      "> Thank you for applying. We have chosen another candidate.",
    );
    const reading = read(text);
    expect(reading.stage?.value).toBe("applied");
    expect(reading.company?.value).toBe("Quince Coffee");
    expect(reading.role?.value).toBe("Barista Trainer");
  });

  it("reads a message forwarded from Outlook, whose headers follow a short note", () => {
    const text = email(
      "FYI, not great news.",
      "",
      "From: Recruiting <recruiting@oakhurst.example>",
      "Sent: 14 October 2026 09:30",
      "To: Jordan Blake",
      "Subject: Oakhurst Dental - Practice Manager",
      "",
      "Dear Jordan, thank you for coming in to meet the partners last Thursday.",
      "We have offered the role to a candidate with more experience of NHS contracts.",
    );
    const reading = read(text);
    expect(reading.company?.value).toBe("Oakhurst Dental");
    expect(reading.role?.value).toBe("Practice Manager");
    expect(reading.stage?.value).toBe("interview");
    expect(values(reading).sort()).toEqual(["competition", "skills"]);
  });

  it("reads a forward whose own headers and note sit above the quoted message's headers", () => {
    const text = email(
      "From: Nell Ash <nell@mailbox.example>",
      "To: Rob Tey <rob@mailbox.example>",
      "Subject: Fwd: Data Steward - outcome",
      "",
      "Rob - here's the one I mentioned on the phone last night. Not the news I wanted, but they were kind about it.",
      "",
      "> From: Ivo Lamb <ivo@perrow.example>",
      "> Subject: Data Steward - outcome",
      ">",
      "> Dear Nell,",
      "> Thank you for the final round last week. We have offered the role to someone else.",
      ">",
      "> Best regards,",
      "> Ivo Lamb",
      "> Head of Data, Perrow Mills",
    );
    const reading = read(text);
    expect(reading.stage?.value).toBe("final");
    expect(reading.ended?.value).toBe("rejected");
    expect(reading.company?.value).toBe("Perrow Mills");
  });

  it("reads an Outlook reply above the message it answers", () => {
    const text = email(
      "Hi Sam, the hiring manager has decided not to move forward. Sorry it's not better news.",
      "",
      "Thanks,",
      "Lee",
      "",
      "-----Original Message-----",
      "From: Lee Park",
      "Subject: RE: Senior Backend Engineer",
      "",
      "Hi Sam, we loved your final interview and your salary expectations work for us.",
    );
    const reading = read(text);
    expect(reading.ended?.value).toBe("rejected");
    expect(reading.stage).toBeUndefined();
    expect(reading.reasons).toEqual([]);
  });

  it("reads a reply, not the older message quoted under it", () => {
    const text = email(
      "Hi Ali, unfortunately we won't be taking things further.",
      "",
      "On Tue, 3 Nov 2026 at 10:02, Ali Khan <ali@mailbox.example> wrote:",
      "> Hello, how did my final interview go? My salary expectations are flexible.",
    );
    const reading = read(text);
    expect(reading.stage).toBeUndefined();
    expect(reading.reasons).toEqual([]);
  });
});

describe("what is read is the email's own words", () => {
  const corpus = fileURLToPath(new URL("../corpora/emails", import.meta.url));
  const texts = readdirSync(corpus)
    .filter((file) => file.endsWith(".txt"))
    .map((file) => readFileSync(`${corpus}/${file}`, "utf8"));

  const quotesOnlyTheEmail = (raw: string) => {
    const clean = collapseSpaces(cleanEmailText(raw));
    const reading = read(raw);
    if (reading.reasonGiven !== undefined) expect(clean).toContain(reading.reasonGiven);
    for (const found of [reading.company, reading.role, reading.stage, reading.ended, ...reading.reasons]) {
      if (found) expect(clean).toContain(collapseSpaces(found.from));
    }
    expect(new Set(values(reading)).size).toBe(reading.reasons.length);
    expect(reasonConflict(reading.ended?.value, values(reading))).toBeUndefined();
  };

  it("in every corpus email", () => texts.forEach(quotesOnlyTheEmail));

  it("in emails cut and stitched at random", () => {
    const pieces = texts.flatMap((text) => text.split(/(?<=[.\n])/));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.string(), (parts, noise) => {
        quotesOnlyTheEmail(parts.join("") + noise);
      }),
      { numRuns: 200 },
    );
  });
});

// No clock here: a test that times itself fails on a busy machine. A pattern
// that backtracks without end would hang these past the test's own time limit,
// which is far above what a capped read takes (about a tenth of a second).
describe("hostile input", () => {
  it.each([
    ["a 5 MB paste", "Unfortunately we chose other candidates for the Platform Engineer role. ".repeat(70_000)],
    ["a 100k-character line", "x".repeat(100_000)],
    ["100k characters of one word", "interview ".repeat(10_000)],
    ["tags that never close", "<a href=".repeat(30_000)],
    ["capitalised words without end", "Dear Ab ".repeat(20_000)],
    ["brackets and references", "Subject: A (Ref 1 (Ref 2 ".repeat(5_000)],
    ["only quoting marks and blank lines", "> \n".repeat(200_000)],
    ["a reason in every short sentence", "Salary. Other candidates! ".repeat(20_000)],
    ["a reason cue repeated in one sentence", "salary, ".repeat(100_000)],
    ["header blocks over and over", "Note\nFrom: a\nSubject: b\n".repeat(20_000)],
    ["sign-offs and greetings over and over", "Hi Sam,\nBest,\nThe Acme Team\n".repeat(20_000)],
  ])("%s is read, and gives only what its words say", (_name, text) => {
    const reading = read(text);
    const words = text.replace(/\s+/g, " ");
    for (const found of [...reading.reasons, reading.stage, reading.ended, reading.company, reading.role]) {
      if (found) expect(words).toContain(found.from);
    }
    if (reading.reasonGiven) expect(words).toContain(reading.reasonGiven);
  });
});

// Wordings met on the third development set, written here in other words, so
// each kind of phrasing is held by a test of its own.
describe("more ways an email says how it ended", () => {
  it.each([
    ["Sadly we're unable to invite you to the group exercise.", "rejected"],
    ["You won't be going through to the workshop day.", "rejected"],
    ["So I don't think it makes sense to carry on.", "rejected"],
    ["The offer dated 3 May is hereby withdrawn.", "rejected"],
    ["We've gone ahead with applicants who have worked in a clinic.", "rejected"],
    ["So we won't be booking you in for a trial.", "rejected"],
    ["Their answers beat those of every candidate we have appointed.", "rejected"],
    ["We've decided to take forward candidates with retail experience.", "rejected"],
    ["After some thought we decided against your application.", "rejected"],
    ["We're not going to continue with this.", "rejected"],
    ["We won't be taking you on this time.", "rejected"],
    ["The board has decided to withdraw this vacancy.", "role-closed"],
    ["Mo, who applied for the post internally, got it.", "role-closed"],
    ["I've not had a single word back from them.", "ghosted"],
    ["The client seems to have gone quiet.", "ghosted"],
    ["Your application for Night Porter at Hollin Inn has now lapsed.", "ghosted"],
    ["Your file was archived automatically.", "ghosted"],
    ["The team did not record a decision in time.", "ghosted"],
    ["We won't be moving you to the panel stage.", "rejected"],
    ["The board was not able to recommend you for the post.", "rejected"],
    ["We rang twice and tried to phone you again on Monday.", "ghosted"],
    ["We left two voicemails last week.", "ghosted"],
    ["We've decided to promote Jo into the role.", "role-closed"],
    ["So we will not be making an external appointment.", "role-closed"],
    ["We felt it might not be the best match for you.", "rejected"],
    ["In the end we have given the post to a nurse from the bank team.", "rejected"],
    ["I don't want to waste your time with a second round.", "rejected"],
    ["The vacancy is no longer going ahead.", "role-closed"],
    ["It just didn't feel like a natural fit.", "rejected"],
    ["We've decided to stop there.", "rejected"],
    ["So we'll leave it there for now.", "rejected"],
    ["We never received your signed form.", "ghosted"],
    ["We have had to cancel our recruitment for this post.", "role-closed"],
  ])("%s -> %s", (text, ended) => {
    expect(read(text).ended?.value).toBe(ended);
  });
});

describe("more ways an email gives a reason", () => {
  it.each([
    ["Their portfolios line up more closely with the brief.", "competition"],
    ["It went to the person we've appointed from the reserve list.", "competition"],
    ["Your presentation was less compelling than we hoped.", "interview"],
    ["Your spreadsheet had several errors in the formulas.", "skills"],
    ["The deciding factor was experience of audit work.", "skills"],
    ["Our new hire has payroll knowledge in greater depth.", "skills"],
    ["The way we plan here might frustrate someone who likes long runways.", "culture"],
    ["Your style would clash with the kitchen.", "culture"],
    ["The figure you mentioned is a lot to ask.", "salary"],
    ["That is higher than we have approved.", "salary"],
    ["We appointed Dana Reyes, who has been our deputy for three years.", "internal"],
    ["In the end Sam, who had applied internally, was appointed.", "internal"],
    ["We have decided to withdraw this vacancy.", "cancelled"],
    ["The refit is postponed indefinitely.", "cancelled"],
    ["We've been told not to take on any new staff.", "cancelled"],
    ["The contract has fallen through.", "cancelled"],
    ["After a review of staffing across the region, it is a no.", "cancelled"],
    ["We aren't able to give you any more detail.", "unknown"],
    ["We can't tell you which questions you missed.", "unknown"],
    ["Your responses on budgeting did not give us enough to go on.", "interview"],
    ["Sadly that is more than we can stretch to.", "salary"],
    ["We will promote our current supervisor.", "internal"],
    ["They'll move one of their own people up.", "internal"],
    ["They've kept the work in-house.", "internal"],
    ["Your pitch lacked structure.", "skills"],
    ["We chose a candidate with ten years on the wards.", "skills"],
    ["The package you want is outside what we can offer.", "salary"],
    ["Your on-target earnings goal is a step too far.", "salary"],
    ["We made an offer to an applicant from Leeds.", "competition"],
    ["We had a huge response to the advert.", "competition"],
    ["The chemistry wasn't quite there.", "culture"],
    ["With fewer bookings we can't justify the cost.", "cancelled"],
  ])("%s -> %s", (text, reason) => {
    expect(values(read(text))).toContain(reason);
  });

  // Everyday phrases of a kind note that share words with the cues above, and give no reason.
  it.each([
    ["It has been a pleasure to meet our new starters.", "internal"],
    ["I can't tell you how sorry I am to write this.", "unknown"],
    ["We will not share your details with anyone.", "unknown"],
    ["I know this news might frustrate you.", "culture"],
    ["The start date clashes with our induction.", "culture"],
    ["I'd be happy to talk it through in more depth.", "skills"],
    ["As you applied internally, your manager will hear from HR.", "internal"],
    ["If you wish to withdraw from the role, just reply.", "cancelled"],
    ["Thank you for applying to teach Chemistry with us.", "culture"],
    ["We tried the number you gave us twice.", "salary"],
    ["Our in-house team will keep your CV on file.", "internal"],
    ["I have written it up in more depth below.", "skills"],
    ["Someone who has been in our sector for years would know.", "internal"],
  ])("%s gives no %s reason", (text, reason) => {
    expect(values(read(text))).not.toContain(reason);
  });

  it("praise heard is not silence", () => {
    expect(read("We've heard nothing but praise for your work, but it's a no.").ended?.value).toBe("rejected");
  });

  it("an applicant told to wait for a reply is not one the employer went quiet on", () => {
    expect(read("If you have heard nothing back in two weeks, you have not been successful.").ended?.value).toBe(
      "rejected",
    );
  });
});

describe("more stages", () => {
  it.each([
    ["Thanks for popping in on Friday. Sadly it's a no.", "interview"],
    ["Thank you for completing the questionnaire. Sadly it's a no.", "assessment"],
    ["Your application was unsuccessful at the sift stage.", "applied"],
    ["Thanks for doing the situational judgement test. Sadly it's a no.", "assessment"],
    ["Thanks for the trial on Saturday. Sadly it's a no.", "assessment"],
    ["Thanks for sending the writing sample. Sadly it's a no.", "assessment"],
    ["Thank you for teaching a lesson to Year 9. Sadly it's a no.", "assessment"],
    ["Thank you for your time with the panel. Sadly it's a no.", "interview"],
    ["Thanks for pairing with Ana. Sadly it's a no.", "interview"],
    ["We looked closely at every application. Sadly it's a no.", "applied"],
  ])("%s -> %s", (text, stage) => {
    expect(read(text).stage?.value).toBe(stage);
  });
});

describe("the organisation over its parts", () => {
  it("takes the university over a school of it", () => {
    const text = email(
      "Dear Dr Ray,",
      "",
      "Sadly it's a no.",
      "",
      "Regards,",
      "Ann Bell",
      "Head of School, School of Geography",
      "University of Pell",
    );
    expect(read(text).company?.value).toBe("University of Pell");
  });

  it("refuses a subject's department when the email calls it a unit or ward", () => {
    const text = email(
      "Subject: Staff Nurse - Cardiac Care - your application",
      "",
      "Dear Jo,",
      "",
      "Thanks for the call about the post on our Cardiac Care Unit. Sadly it's a no.",
      "",
      "Best wishes,",
      "Sister Kay Lowe",
      "Ward Manager, Cardiac Care Unit",
      "Harrow Vale Hospital",
    );
    expect(read(text).company?.value).toBe("Harrow Vale Hospital");
  });

  it("writes out a short form the signature gives in full", () => {
    const text = email(
      "Dear Jo,",
      "",
      "Thank you for your interest in Marrow. Sadly it's a no.",
      "",
      "Regards,",
      "Lee Tan",
      "Director, People",
      "Marrow Data Systems, Inc.",
    );
    expect(read(text).company?.value).toBe("Marrow Data Systems");
  });

  it("never takes the person appointed for the company", () => {
    const text = email(
      "Dear Jo,",
      "",
      "We have filled the post with Ada Kwan, who joined us last year.",
      "",
      "Regards,",
      "Lee Tan",
      "Director",
      "Quoin Books",
    );
    expect(read(text).company?.value).toBe("Quoin Books");
  });

  it("takes the university over an institute of it", () => {
    const text = email(
      "Dear Dr Ray,",
      "",
      "Sadly it's a no.",
      "",
      "Regards,",
      "Ann Bell",
      "Institute of Soil Science",
      "University of Pell",
    );
    expect(read(text).company?.value).toBe("University of Pell");
  });

  it("reads on past a first name alone to the signature a blank line below", () => {
    const text = email(
      "Dear Sam,",
      "",
      "We have appointed someone else.",
      "",
      "Warm wishes,",
      "Ruth",
      "",
      "Ruth Adair",
      "Chief Executive",
      "Tarnside Otter Trust",
    );
    expect(read(text).company?.value).toBe("Tarnside Otter Trust");
  });

  it("takes a firm that carries the sender's surname", () => {
    const text = email(
      "Dear Mo,",
      "",
      "Sadly it's a no.",
      "",
      "Regards,",
      "Ruth Pallant",
      "Practice Manager",
      "Pallant Reed Solicitors",
    );
    expect(read(text).company?.value).toBe("Pallant Reed Solicitors");
  });

  it("refuses an agency whose name ends in its trade", () => {
    const text = email(
      "Hi Greg,",
      "",
      "The client has kept the job in-house.",
      "",
      "Sorry,",
      "Tina",
      "Apex Build Recruitment",
    );
    expect(read(text).company).toBeUndefined();
  });

  it("drops a Swedish legal form as it does an English one", () => {
    expect(read(email("Hi Jo,", "", "It's a no.", "", "Regards,", "Lee Tan", "Norrvik Audio AB")).company?.value).toBe(
      "Norrvik Audio",
    );
  });
});

describe("roles written in full", () => {
  it("keeps a field after 'in' for academic and test titles, not a place", () => {
    expect(read(email("Subject: Lecturer in Applied Ethics", "", "It's a no.")).role?.value).toBe(
      "Lecturer in Applied Ethics",
    );
    expect(read("Thanks for applying for the Software Engineer in Test role.").role?.value).toBe(
      "Software Engineer in Test",
    );
    expect(read(email("Subject: Staff Nurse in Leeds", "", "It's a no.")).role?.value).toBe("Staff Nurse");
    expect(read(email("Subject: Research Assistant in Soil Science", "", "It's a no.")).role?.value).toBe(
      "Research Assistant in Soil Science",
    );
  });

  it("keeps a dash inside a posting's title that the employer closes", () => {
    expect(read("Your application for Sous Chef - Banqueting at Harrow Hall has closed.").role?.value).toBe(
      "Sous Chef - Banqueting",
    );
  });

  it("reads a form's 'Post:' line and a training contract", () => {
    expect(read(email("Post: Administrative Officer - Licensing", "", "We regret it's a no.")).role?.value).toBe(
      "Administrative Officer - Licensing",
    );
    expect(read("Thank you for applying for our 2027 Training Contract, which is now full.").role?.value).toBe(
      "2027 Training Contract",
    );
  });
});

describe("precision: what an email does not say", () => {
  it("reads no stage from thanks for an interest in the role, which comes after any stage", () => {
    const email =
      "Dear Sam,\n\nThank you for your interest in the Grants Officer position at Larkfield Trust. We will not be taking your application further.\n\nPeople Team\nLarkfield Trust";
    expect(read(email).stage).toBeUndefined();
  });

  it("takes no company from the signature of an agency that speaks of 'the client'", () => {
    const email =
      "Hi Sam,\n\nI've just heard back from the client after your interview for the Site Manager role, and they have gone with another candidate.\n\nJo Bell\nSenior Consultant\nNorthgate Recruitment";
    expect(read(email).company).toBeUndefined();
  });
});
