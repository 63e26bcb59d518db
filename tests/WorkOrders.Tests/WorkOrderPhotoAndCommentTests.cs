using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;
using PropertyPlatform.WorkOrders.Domain;
using static PropertyPlatform.WorkOrders.Domain.WorkOrderStatus;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The order's rules for photos (at most six, recognised formats, open orders only) and comments.</summary>
public sealed class WorkOrderPhotoAndCommentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor FrontDesk = new(Guid.NewGuid(), "王前台");
    private static readonly Actor Engineer = new(Guid.NewGuid(), "李工");
    private static readonly Actor Occupant = new(Guid.NewGuid(), "张先生");
    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Office, 120.5m));

    [Theory]
    [InlineData("jpeg", PhotoFormat.Jpeg)]
    [InlineData("png", PhotoFormat.Png)]
    [InlineData("webp", PhotoFormat.WebP)]
    public void Photos_are_recognised_by_their_bytes(string format, string contentType)
    {
        var bytes = format switch { "jpeg" => TestImages.Jpeg, "png" => TestImages.Png, _ => TestImages.WebP };

        PhotoFormat.Detect(bytes).ShouldBe(contentType);
    }

    [Fact]
    public void Other_bytes_are_no_photo_whatever_they_are_called()
    {
        PhotoFormat.Detect(TestImages.Gif).ShouldBeNull();
        PhotoFormat.Detect(TestImages.Text).ShouldBeNull();
        PhotoFormat.Detect([]).ShouldBeNull();
        PhotoFormat.Detect("RIFF\0\0\0\0WAVE"u8).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("image/jpeg", true)]
    [InlineData("image/PNG", true)]
    [InlineData("image/webp; charset=binary", true)]
    [InlineData("application/octet-stream", true)]
    [InlineData("image/gif", false)]
    [InlineData("text/plain", false)]
    public void A_declared_type_naming_another_format_is_refused(string? declared, bool mayBe) =>
        PhotoFormat.MayBeAccepted(declared).ShouldBe(mayBe);

    [Fact]
    public void A_photo_keeps_its_type_size_hash_stage_and_uploader()
    {
        var order = NewOrder();

        var photo = order.AddPhotos([new PhotoFile(TestImages.Png, "漏水.png")], null, Occupant, Now.AddMinutes(5)).ShouldHaveSingleItem();

        photo.WorkOrderId.ShouldBe(order.Id);
        photo.Sequence.ShouldBe(1);
        photo.ContentType.ShouldBe("image/png");
        photo.Size.ShouldBe(TestImages.Png.Length);
        photo.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestImages.Png)));
        photo.FileName.ShouldBe("漏水.png");
        photo.Stage.ShouldBe(PhotoStage.Intake);
        (photo.UploadedById, photo.UploadedByName, photo.UploadedAt).ShouldBe((Occupant.PersonId, "张先生", Now.AddMinutes(5)));
        photo.Content.ShouldBe(TestImages.Png);
        order.PhotoCount.ShouldBe(1);
        order.Timeline[^1].Kind.ShouldBe(WorkOrderTimelineKind.Note);
        order.Timeline[^1].Note.ShouldBe("添加照片 1 张");
    }

    [Theory]
    [InlineData(Submitted, PhotoStage.Intake)]
    [InlineData(Accepted, PhotoStage.Intake)]
    [InlineData(InProgress, PhotoStage.Work)]
    [InlineData(OnHold, PhotoStage.Work)]
    [InlineData(Completed, PhotoStage.Completion)]
    [InlineData(FollowedUp, PhotoStage.Completion)]
    [InlineData(Reopened, PhotoStage.Intake)]
    public void Without_a_stage_the_orders_state_says_which_it_is(WorkOrderStatus state, PhotoStage expected)
    {
        var order = OrderIn(state);

        order.AddPhotos([new PhotoFile(TestImages.Jpeg)], null, Engineer, Now.AddHours(1)).Single().Stage.ShouldBe(expected);
        order.AddPhotos([new PhotoFile(TestImages.Jpeg)], PhotoStage.Completion, Engineer, Now.AddHours(1)).Single().Stage.ShouldBe(PhotoStage.Completion);
    }

    [Fact]
    public void An_order_keeps_at_most_six_photos_and_a_refused_batch_adds_none()
    {
        var order = NewOrder();
        order.AddPhotos(Photos(4), null, FrontDesk, Now);
        var timeline = order.Timeline.Count;

        var refused = Should.Throw<DomainRuleException>(() => order.AddPhotos(Photos(3), null, FrontDesk, Now));

        refused.Message.ShouldContain("6");
        order.PhotoCount.ShouldBe(4);
        order.Timeline.Count.ShouldBe(timeline);
        order.AddPhotos(Photos(2), null, FrontDesk, Now).Select(p => p.Sequence).ShouldBe([5, 6]);
        order.PhotoCount.ShouldBe(6);
        Should.Throw<DomainRuleException>(() => order.AddPhotos(Photos(1), null, FrontDesk, Now));
        order.PhotoCount.ShouldBe(6);
    }

    [Fact]
    public void One_file_that_is_no_photo_or_too_large_refuses_the_whole_batch()
    {
        var order = NewOrder();

        Should.Throw<DomainRuleException>(() => order.AddPhotos([new PhotoFile(TestImages.Jpeg), new PhotoFile(TestImages.Gif)], null, FrontDesk, Now));
        Should.Throw<DomainRuleException>(() => order.AddPhotos([new PhotoFile(TestImages.JpegOfSize(WorkOrderPhoto.MaxBytes + 1))], null, FrontDesk, Now));
        Should.Throw<DomainRuleException>(() => order.AddPhotos([], null, FrontDesk, Now));

        order.PhotoCount.ShouldBe(0);
        order.AddPhotos([new PhotoFile(TestImages.JpegOfSize(WorkOrderPhoto.MaxBytes))], null, FrontDesk, Now).Single().Size.ShouldBe(WorkOrderPhoto.MaxBytes);
    }

    [Theory]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    public void A_closed_or_cancelled_order_takes_no_photos_and_no_comments(WorkOrderStatus state)
    {
        var order = OrderIn(state);
        var timeline = order.Timeline.Count;

        Should.Throw<DomainRuleException>(() => order.AddPhotos(Photos(1), null, FrontDesk, Now.AddDays(2))).Message.ShouldContain(WorkOrder.Describe(state));
        Should.Throw<DomainRuleException>(() => order.Comment("还在漏", Occupant, Now.AddDays(2))).Message.ShouldContain(WorkOrder.Describe(state));

        order.PhotoCount.ShouldBe(0);
        order.Timeline.Count.ShouldBe(timeline);
    }

    [Theory]
    [InlineData(Submitted)]
    [InlineData(Dispatched)]
    [InlineData(InProgress)]
    [InlineData(OnHold)]
    [InlineData(Completed)]
    [InlineData(FollowedUp)]
    [InlineData(Reopened)]
    public void A_comment_is_a_timeline_line_that_changes_no_state(WorkOrderStatus state)
    {
        var order = OrderIn(state);
        var deadline = order.NextDeadlineAt;
        var events = order.PendingEvents.Count;

        order.Comment("  师傅下午三点后再来  ", Occupant, Now.AddHours(2));

        order.Status.ShouldBe(state);
        order.NextDeadlineAt.ShouldBe(deadline);
        order.PendingEvents.Count.ShouldBe(events);
        var line = order.Timeline[^1];
        (line.Kind, line.From, line.To, line.Note).ShouldBe((WorkOrderTimelineKind.Comment, state, state, "师傅下午三点后再来"));
        (line.ActorId, line.ActorName, line.At).ShouldBe((Occupant.PersonId, "张先生", Now.AddHours(2)));
    }

    [Fact]
    public void A_comment_needs_text_of_at_most_the_maximum_length()
    {
        var order = NewOrder();

        Should.Throw<DomainRuleException>(() => order.Comment("  ", Occupant, Now));
        Should.Throw<DomainRuleException>(() => order.Comment(new string('漏', WorkOrder.CommentMaxLength + 1), Occupant, Now));
        order.Comment(new string('漏', WorkOrder.CommentMaxLength), Occupant, Now);

        order.Timeline.Count(e => e.Kind == WorkOrderTimelineKind.Comment).ShouldBe(1);
    }

    [Fact]
    public void Transitions_and_notes_are_told_apart_in_the_timeline()
    {
        var order = OrderIn(Dispatched);
        order.Quote(120m, "更换龙头", FrontDesk, Now.AddMinutes(10));

        order.Timeline.Select(e => e.Kind).ShouldBe(
            [WorkOrderTimelineKind.Transition, WorkOrderTimelineKind.Transition, WorkOrderTimelineKind.Note]);
    }

    private static List<PhotoFile> Photos(int count) => Enumerable.Range(0, count).Select(_ => new PhotoFile(TestImages.Jpeg)).ToList();

    private static WorkOrder NewOrder() => WorkOrder.Submit(
        Unit1201, DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), 1),
        new WorkOrderIntake(WorkOrderCategory.Plumbing, WorkOrderPriority.Normal, IntakeChannel.OccupantApp, "厨房水龙头滴水", RequesterId: Occupant.PersonId),
        TimeLimit.DefaultFor(WorkOrderPriority.Normal), Occupant, Now);

    private static WorkOrder OrderIn(WorkOrderStatus state)
    {
        var order = NewOrder();
        var at = Now.AddMinutes(1);
        if (state == Cancelled)
        {
            order.Cancel("不需要了", Occupant, at);
            return order;
        }
        if (state == Submitted)
        {
            return order;
        }

        order.Dispatch(Engineer.PersonId, Engineer.Name, FrontDesk, at);
        if (state != Dispatched)
        {
            order.Accept(Engineer, at);
        }
        if (state is InProgress or OnHold or Completed or FollowedUp or Closed or Reopened)
        {
            order.Start(Engineer, at);
        }
        if (state == OnHold)
        {
            order.Hold("等配件", Now.AddDays(1), Engineer, at);
        }
        if (state is Completed or FollowedUp or Closed or Reopened)
        {
            order.Complete("更换阀门", null, 30, Engineer, at);
        }
        if (state is FollowedUp or Closed)
        {
            order.FollowUp(5, null, true, Occupant, at);
        }
        if (state == Closed)
        {
            order.Close(FrontDesk, at);
        }
        if (state == Reopened)
        {
            order.Reopen("又漏了", Occupant, at);
        }
        order.Status.ShouldBe(state);
        return order;
    }
}
