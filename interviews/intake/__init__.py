"""The intake (kennismakingsinterview) of a procedure, one idea per module:

- slots: generating, closing and reopening a session's 20-minute slots;
- booking: booking, moving and cancelling a slot, and closing it after a no-show (the one door for a booking);
- assessment: the interviewer's verdict and the no-show rule, through change_stage;
- reminders: the reminder before a booked interview and the one to book at all;
- calendar: the ICS invitation of every interview (intake, jury, matchgesprek);
- meeting_links: the online meeting link of a slot, typed by HR or made through Microsoft Graph;
- free_slot_list: the intake page's free slots, each row rendered once per slot state;
- capacity: HR's warning when invited candidates find no free seat;
- round_copy: what a new round of the procedure takes over (the intake policy);
- mail_events: the intake's mails.

Its screens (the candidate's booking pages, the interviewer's pages, HR's admin) are in `screens`.
"""
